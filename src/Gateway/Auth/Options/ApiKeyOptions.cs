namespace Gateway.Auth.Options;

/// <summary>One API key and who holds it.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The SHA-256 of the key's UTF-8 bytes, 64 hex digits (<c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string? Sha256 { get; set; }

    /// <summary>The client the key belongs to. Default: the entry's name.</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes granted to the key.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The roles granted to the key.</summary>
    public List<string> Roles { get; set; } = [];
}
