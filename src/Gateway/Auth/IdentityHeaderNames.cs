namespace Gateway.Auth;

/// <summary>The identity header names in force; null when that header is turned off.</summary>
internal sealed class IdentityHeaderNames
{
    public static readonly IdentityHeaderNames Default = new("X-Client-Id", "X-Subject", "X-Scopes");

    public IdentityHeaderNames(string? clientId, string? subject, string? scopes)
    {
        ClientId = string.IsNullOrEmpty(clientId) ? null : clientId;
        Subject = string.IsNullOrEmpty(subject) ? null : subject;
        Scopes = string.IsNullOrEmpty(scopes) ? null : scopes;
        All = new[] { ClientId, Subject, Scopes }.OfType<string>().ToArray();
    }

    public string? ClientId { get; }

    public string? Subject { get; }

    public string? Scopes { get; }

    /// <summary>Every enabled name: each is removed from what a client sent before the gateway sets its own.</summary>
    public IReadOnlyList<string> All { get; }
}
