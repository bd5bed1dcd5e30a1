namespace Gateway.Observability;

/// <summary>
/// The admin port: the <c>Gateway:Admin</c> section. A separate listener (never the public one) that serves the active
/// config with secrets redacted, its generation, the last reload error, route health, and <c>/metrics</c>.
/// Read once at startup; a change needs a restart.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section name, under <c>Gateway</c>.</summary>
    public const string SectionName = "Admin";

    /// <summary>Whether the admin listener runs. Default off.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Where the admin listener binds, <c>;</c>-separated http URLs. Default <c>http://127.0.0.1:9091</c> (loopback only):
    /// exposing it further (e.g. to a Prometheus on another host) is an explicit choice.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:9091";
}
