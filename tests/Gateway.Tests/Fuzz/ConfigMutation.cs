namespace Gateway.Tests.Fuzz;

/// <summary>A config file made by mutating a valid seed; <see cref="Steps"/> says how, for the failure message.</summary>
public sealed record ConfigMutation(string Seed, string Steps, byte[] Bytes)
{
    public override string ToString() => $"{Seed}: {Steps} ({Bytes.Length} bytes)";
}
