namespace LegacyBackend.Samples;

/// <summary>One-line bodies of the odd-status endpoints.</summary>
internal static class PlainMessages
{
    public const string Teapot = "I'm a teapot";
    public const string Gone = "This resource was removed.";
    public const string Maintenance = "Service temporarily down for maintenance";
    public const string Healthy = "OK";
}
