namespace Gateway.Auth;

/// <summary>The authentication and authorization steps of the gateway's pipeline.</summary>
internal static class GatewayAuthApplicationBuilderExtensions
{
    /// <summary>After routing (policies are per endpoint), before rate limiting and the proxy.</summary>
    public static IApplicationBuilder UseGatewayAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();
}
