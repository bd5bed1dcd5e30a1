using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Gateway.Auth;

/// <summary>The authenticated principal of a request, or null: read without making one up.</summary>
internal static class AuthenticatedCaller
{
    /// <remarks>
    /// <see cref="HttpContext.User"/> creates an empty principal (and a feature to hold it) on a request nobody
    /// authenticated, which is every request of a route without auth; this reads the feature instead.
    /// </remarks>
    public static ClaimsPrincipal? Of(HttpContext context) =>
        context.Features.Get<IHttpAuthenticationFeature>()?.User is { Identity.IsAuthenticated: true } user ? user : null;
}
