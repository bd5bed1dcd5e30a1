using System.Collections.Frozen;
using Gateway.Auth.ApiKeys;
using Gateway.Auth.Jwt;
using Microsoft.AspNetCore.Authorization;

namespace Gateway.Auth;

/// <summary>Authentication and authorization settings of one config generation; part of the gateway snapshot.</summary>
internal sealed class AuthSnapshot
{
    /// <summary>No credentials accepted, every route open: a config without the auth sections.</summary>
    public static readonly AuthSnapshot Empty = new()
    {
        Realm = "gateway",
        IdentityHeaders = IdentityHeaderNames.Default,
        Policies = FrozenDictionary<string, AuthorizationPolicy>.Empty,
        Routes = FrozenDictionary<string, RouteAuth>.Empty,
    };

    /// <summary>The realm of every challenge.</summary>
    public required string Realm { get; init; }

    /// <summary>JWT validation settings, or null when bearer tokens are not accepted.</summary>
    public JwtSettings? Jwt { get; init; }

    /// <summary>API key settings, or null when API keys are not accepted.</summary>
    public ApiKeySettings? ApiKeys { get; init; }

    public required IdentityHeaderNames IdentityHeaders { get; init; }

    /// <summary>Named policies from <c>Gateway:Authorization:Policies</c>.</summary>
    public required FrozenDictionary<string, AuthorizationPolicy> Policies { get; init; }

    /// <summary>The policy of routes that name none; null for anonymous.</summary>
    public AuthorizationPolicy? FallbackPolicy { get; init; }

    /// <summary>Per YARP route id.</summary>
    public required FrozenDictionary<string, RouteAuth> Routes { get; init; }

    public bool AcceptsCredentials => Jwt is not null || ApiKeys is not null;

    public RouteAuth RouteFor(string? routeId) =>
        routeId is not null && Routes.TryGetValue(routeId, out var route) ? route : RouteAuth.Open;
}
