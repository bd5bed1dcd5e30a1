using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Jwt;

/// <summary>A validated token as the cache keeps it: the normalized identity, valid until <see cref="ExpiresAt"/>.</summary>
/// <param name="KeysVersion">The key set it was validated against; an entry from another key set is a miss.</param>
internal sealed record CachedToken(ClaimsIdentity Identity, SecurityToken Token, object KeysVersion, DateTimeOffset ExpiresAt)
{
    public TokenValidationResult ToResult() => new()
    {
        IsValid = true,
        ClaimsIdentity = Identity,
        SecurityToken = Token,
    };
}
