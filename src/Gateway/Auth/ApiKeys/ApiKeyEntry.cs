using System.Security.Claims;

namespace Gateway.Auth.ApiKeys;

/// <summary>One configured key: its SHA-256 and the identity a request presenting it gets.</summary>
internal sealed class ApiKeyEntry
{
    public ApiKeyEntry(byte[] hash, string clientId, IReadOnlyList<string> scopes, IReadOnlyList<string> roles)
    {
        Hash = hash;
        ClientId = clientId;
        var claims = new List<Claim> { new(GatewayClaims.Subject, clientId), new(GatewayClaims.ClientId, clientId) };
        claims.AddRange(scopes.Select(s => new Claim(GatewayClaims.Scope, s)));
        claims.AddRange(roles.Select(r => new Claim(GatewayClaims.Role, r)));
        // Built once and shared by every request with this key; nothing in the gateway mutates an identity.
        Identity = new ClaimsIdentity(claims, GatewayClaims.ApiKeyAuthenticationType, GatewayClaims.Subject, GatewayClaims.Role);
    }

    public byte[] Hash { get; }

    public string ClientId { get; }

    public ClaimsIdentity Identity { get; }
}
