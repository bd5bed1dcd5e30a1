using System.Runtime.CompilerServices;
using System.Security.Claims;

namespace Gateway.Auth.Proxy;

/// <summary>
/// The identity header values of one authenticated identity, worked out once: a validated token's identity (from the
/// token cache) and an API key's identity are shared by every request that presents them.
/// </summary>
internal sealed class CallerHeaderValues
{
    private const int MaxScopesHeaderLength = 4096;

    private static readonly ConditionalWeakTable<ClaimsIdentity, CallerHeaderValues> s_byIdentity = [];

    private CallerHeaderValues(Claim? clientId, Claim? subject, IEnumerable<Claim> scopes)
    {
        ClientId = Safe(clientId?.Value);
        Subject = Safe(subject?.Value);
        var joined = string.Join(' ', scopes.Select(c => c.Value));
        Scopes = joined.Length <= MaxScopesHeaderLength ? Safe(joined) : null;
    }

    public string? ClientId { get; }

    public string? Subject { get; }

    public string? Scopes { get; }

    public static CallerHeaderValues Of(ClaimsPrincipal user) =>
        user.Identities is IReadOnlyCollection<ClaimsIdentity> { Count: 1 } && user.Identity is ClaimsIdentity only
            ? s_byIdentity.GetValue(only, static identity => new(
                identity.FindFirst(GatewayClaims.ClientId), identity.FindFirst(GatewayClaims.Subject), identity.FindAll(GatewayClaims.Scope)))
            : new(user.FindFirst(GatewayClaims.ClientId), user.FindFirst(GatewayClaims.Subject), user.FindAll(GatewayClaims.Scope));

    // Claim values come from a signed token, but are still kept to what a header may safely carry.
    private static string? Safe(string? value) =>
        !string.IsNullOrEmpty(value) && !value.AsSpan().ContainsAnyExceptInRange(' ', '~') ? value : null;
}
