namespace Gateway.Auth.Options;

/// <summary>API keys: <c>Gateway:Authentication:ApiKeys</c>. Keys are stored as SHA-256 hashes, never in plain text.</summary>
public sealed class ApiKeysOptions
{
    /// <summary>The request header that carries the key. Default <c>X-API-Key</c>.</summary>
    public string Header { get; set; } = "X-API-Key";

    /// <summary>Accept a key in the query string. Default off: such a request is refused with 400.</summary>
    public bool AllowQueryString { get; set; }

    /// <summary>The query parameter checked for keys. Default <c>api_key</c>.</summary>
    public string QueryParameter { get; set; } = "api_key";

    /// <summary>The keys, by a name of the operator's choosing (it is the client id unless one is given).</summary>
    public Dictionary<string, ApiKeyOptions> Keys { get; set; } = new(StringComparer.Ordinal);
}
