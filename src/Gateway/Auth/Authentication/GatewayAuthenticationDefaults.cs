namespace Gateway.Auth.Authentication;

/// <summary>Authentication scheme names.</summary>
internal static class GatewayAuthenticationDefaults
{
    /// <summary>The default scheme: looks at the request and hands it to the bearer or API key check.</summary>
    public const string Scheme = "Gateway";

    /// <summary>JwtBearer's scheme, only ever called by <see cref="Scheme"/>.</summary>
    public const string BearerScheme = "Bearer";
}
