namespace Gateway.Configuration;

/// <summary>Which requests get the one-line JSON completion log (<c>Gateway:RequestLog</c>).</summary>
public enum RequestLogMode
{
    /// <summary>Every request (the default).</summary>
    All,

    /// <summary>Only requests answered with a 4xx or 5xx, whether the upstream or the gateway made the answer.</summary>
    Errors,

    /// <summary>No completion lines; other log lines (config, upstream failures, replaced errors) stay.</summary>
    Off,
}
