namespace LegacyBackend;

/// <summary>Content types as the imitated servers send them.</summary>
internal static class ContentTypes
{
    public const string Html = "text/html; charset=utf-8";
    public const string Plain = "text/plain; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Xml = "text/xml; charset=utf-8";
}
