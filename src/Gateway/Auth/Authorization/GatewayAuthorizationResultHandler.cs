using Gateway.Auth.Authentication;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;

namespace Gateway.Auth.Authorization;

/// <summary>
/// Answers refused requests with the standard payload instead of ASP.NET Core's bare challenge/forbid: 401 (or 400
/// for a malformed credential) with <c>WWW-Authenticate</c>, 403 naming the missing permission, or 404 where the
/// route hides what exists. The request never reaches the upstream.
/// </summary>
internal sealed partial class GatewayAuthorizationResultHandler(
    ErrorResponseWriter writer,
    GatewaySnapshotAccessor snapshot,
    ILogger<GatewayAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private const string DefaultForbiddenMessage = "The credentials do not grant access to this resource.";

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            return next(context);
        }

        if (context.Features.Get<GatewayRequestFeature>() is { } feature)
        {
            feature.Changes |= GatewayChanges.AuthRejected;
        }

        var auth = snapshot.Current.Auth;
        return authorizeResult.Forbidden
            ? ForbidAsync(context, auth, authorizeResult.AuthorizationFailure)
            : ChallengeAsync(context, auth);
    }

    private Task ChallengeAsync(HttpContext context, AuthSnapshot auth)
    {
        var failure = context.Features.Get<CredentialFailure>();
        if (failure is { Status: >= 500 })
        {
            return writer.WriteAsync(context, failure.Status, failure.Description);
        }

        var challenges = ChallengeWriter.ForUnauthenticated(auth, failure);
        return writer.WriteAsync(
            context,
            failure?.Status ?? StatusCodes.Status401Unauthorized,
            failure?.Description,
            challenges.Length == 0 ? null : [new(HeaderNames.WWWAuthenticate, new StringValues(challenges))]);
    }

    private Task ForbidAsync(HttpContext context, AuthSnapshot auth, AuthorizationFailure? failure)
    {
        var routeId = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId;
        var denial = failure?.FailureReasons.OfType<AccessFailureReason>().FirstOrDefault()?.Denial;
        var hidden = auth.RouteFor(routeId).HideForbidden;
        Log.Forbidden(logger, routeId, context.User.FindFirst(GatewayClaims.ClientId)?.Value, denial?.LogText ?? "policy not met", hidden);
        if (hidden)
        {
            // The route's own "not found", in its profile (a ProblemDetails route has a body on every 4xx): the
            // unrouted 404 in the default profile broke that contract and hid nothing a 401 to a bad token does not tell.
            return writer.WriteAsync(context, StatusCodes.Status404NotFound);
        }

        var message = denial?.ClientMessage ?? DefaultForbiddenMessage;
        KeyValuePair<string, StringValues>[]? headers = null;
        if (denial is { RequiredScopes.Count: > 0 } && context.User.Identity?.AuthenticationType == GatewayClaims.BearerAuthenticationType)
        {
            headers = [new(HeaderNames.WWWAuthenticate, ChallengeWriter.ForInsufficientScope(auth.Realm, "The access token lacks a required scope", denial.RequiredScopes))];
        }

        return writer.WriteAsync(context, StatusCodes.Status403Forbidden, message, headers);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Access denied on route {RouteId} to client {ClientId}: {Reason} (answered as 404: {Hidden})")]
        public static partial void Forbidden(ILogger logger, string? routeId, string? clientId, string reason, bool hidden);
    }
}
