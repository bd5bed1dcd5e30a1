using Gateway.Auth.Authentication;
using Gateway.Auth.Authorization;
using Gateway.Auth.Jwt;
using Gateway.Auth.Proxy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Auth;

/// <summary>Registers authentication (JWT bearer, API keys) and authorization driven by the gateway's config.</summary>
internal static class GatewayAuthServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayAuth(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CredentialAuthenticator>();
        services.AddAuthentication(GatewayAuthenticationDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, GatewayAuthenticationHandler>(GatewayAuthenticationDefaults.Scheme, null)
            .AddScheme<JwtBearerOptions, JwtBearerHandler>(GatewayAuthenticationDefaults.BearerScheme, null);

        // JwtBearer's options follow the config generation instead of IOptions' one-time binding.
        services.AddSingleton<JwtBearerOptionsFactory>();
        services.AddSingleton<IOptionsMonitor<JwtBearerOptions>, JwtBearerOptionsMonitor>();

        services.AddAuthorization();
        // Both are stateless over singletons, yet registered transient: two objects and a resolve per request.
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationService, DefaultAuthorizationService>());
        services.Replace(ServiceDescriptor.Singleton<IPolicyEvaluator, PolicyEvaluator>());
        services.AddSingleton<IAuthorizationPolicyProvider, GatewayAuthorizationPolicyProvider>();
        services.AddSingleton<AccessRequirementHandler>();
        services.AddSingleton<IAuthorizationHandler>(sp => sp.GetRequiredService<AccessRequirementHandler>());
        services.AddSingleton<EndpointPolicyCache>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GatewayAuthorizationResultHandler>();

        services.AddSingleton<ITransformProvider, AuthTransformProvider>();
        return services;
    }
}
