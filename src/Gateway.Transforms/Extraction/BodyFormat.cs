namespace Gateway.Transforms.Extraction;

/// <summary>What an error body turned out to be, by sniffing its content (the declared type often lies).</summary>
internal enum BodyFormat
{
    Empty,
    Json,
    Xml,
    Html,
    Text,
    Binary,
}
