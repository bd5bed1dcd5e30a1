namespace Bench.Soak;

/// <summary>What a soak request presents as its API key.</summary>
internal enum Credential
{
    Valid,
    Missing,
    Wrong,
}
