using System.Security.Claims;
using Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Gateway.Auth.Authorization;

/// <summary>
/// The gateway's authorization step: what <c>UseAuthorization()</c> does, with the endpoint's policy cached per config
/// generation and the gateway's own requirements (authenticated caller, <see cref="AccessRequirement"/>) checked in
/// place. Any other requirement goes through ASP.NET Core's policy evaluator, as does a policy naming its own schemes.
/// The outcome reaches the same <see cref="IAuthorizationMiddlewareResultHandler"/> (401/403/404 payloads).
/// </summary>
internal sealed class GatewayAuthorizationMiddleware(
    RequestDelegate next,
    GatewaySnapshotAccessor snapshot,
    EndpointPolicyCache policies,
    IPolicyEvaluator evaluator,
    IAuthorizationMiddlewareResultHandler results,
    AccessRequirementHandler accessHandler)
{
    // Endpoint routing refuses to run an endpoint with authorization metadata unless this key says the step ran.
    private const string InvokedWithEndpointKey = "__AuthorizationMiddlewareWithEndpointInvoked";
    private static readonly object s_invoked = new();

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && EndpointPolicyCache.HasAuthorizationMetadata(endpoint))
        {
            context.Items[InvokedWithEndpointKey] = s_invoked;
        }

        var pending = policies.GetAsync(endpoint, snapshot.Current.Auth);
        return pending.IsCompletedSuccessfully ? Authorize(context, endpoint, pending.Result) : AuthorizeAsync(context, endpoint, pending);
    }

    private async Task AuthorizeAsync(HttpContext context, Endpoint? endpoint, ValueTask<AuthorizationPolicy?> pending) =>
        await Authorize(context, endpoint, await pending);

    private Task Authorize(HttpContext context, Endpoint? endpoint, AuthorizationPolicy? policy)
    {
        if (policy is null)
        {
            return next(context);
        }

        if (policy.AuthenticationSchemes.Count > 0 || !IsGatewayPolicy(policy))
        {
            return EvaluateAsync(context, endpoint, policy);
        }

        // The policy evaluator's answer when the policy names no scheme: what authentication left on the request.
        var user = context.User;
        var authenticated = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Succeeded
            ?? user.Identity?.IsAuthenticated == true;
        if (endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return next(context);
        }

        var result = Evaluate(policy, user) is not { } failure ? PolicyAuthorizationResult.Success()
            : authenticated ? PolicyAuthorizationResult.Forbid(failure)
            : PolicyAuthorizationResult.Challenge();
        return results.HandleAsync(next, context, policy, result);
    }

    /// <summary>Null when every requirement is met; else what the authorization service would report.</summary>
    private AuthorizationFailure? Evaluate(AuthorizationPolicy policy, ClaimsPrincipal user)
    {
        List<IAuthorizationRequirement>? unmet = null;
        List<AuthorizationFailureReason>? reasons = null;
        foreach (var requirement in policy.Requirements)
        {
            if (requirement is DenyAnonymousAuthorizationRequirement)
            {
                if (!IsAuthenticated(user))
                {
                    (unmet ??= []).Add(requirement);
                }
            }
            else if (user.Identity?.IsAuthenticated != true)
            {
                (unmet ??= []).Add(requirement); // the authentication requirement answers this one (401)
            }
            else if (((AccessRequirement)requirement).Evaluate(user) is { } denial)
            {
                (reasons ??= []).Add(new AccessFailureReason(accessHandler, denial));
            }
        }

        // An explicit failure (a denial) is reported with its reasons, like the authorization service does.
        return reasons is not null ? AuthorizationFailure.Failed(reasons)
            : unmet is not null ? AuthorizationFailure.Failed(unmet)
            : null;
    }

    private async Task EvaluateAsync(HttpContext context, Endpoint? endpoint, AuthorizationPolicy policy)
    {
        var authentication = await evaluator.AuthenticateAsync(policy, context);
        if (authentication.Succeeded && context.Features.Get<IAuthenticateResultFeature>() is { } feature)
        {
            feature.AuthenticateResult = authentication;
        }

        if (endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        var result = await evaluator.AuthorizeAsync(policy, authentication, context, context);
        await results.HandleAsync(next, context, policy, result);
    }

    private static bool IsGatewayPolicy(AuthorizationPolicy policy)
    {
        foreach (var requirement in policy.Requirements)
        {
            if (requirement is not (DenyAnonymousAuthorizationRequirement or AccessRequirement))
            {
                return false;
            }
        }

        return true;
    }

    // DenyAnonymousAuthorizationRequirement: any authenticated identity.
    private static bool IsAuthenticated(ClaimsPrincipal user)
    {
        foreach (var identity in user.Identities)
        {
            if (identity.IsAuthenticated)
            {
                return true;
            }
        }

        return false;
    }
}
