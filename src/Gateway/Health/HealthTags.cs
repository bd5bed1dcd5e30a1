namespace Gateway.Health;

internal static class HealthTags
{
    public const string Ready = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
}
