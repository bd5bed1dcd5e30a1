using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// Stands in for authentication (built elsewhere): a startup filter, so it runs before the gateway's pipeline, that
/// turns <c>X-Test-Client</c> / <c>X-Test-Subject</c> into an authenticated user with <c>client_id</c> / <c>sub</c> claims.
/// </summary>
public sealed class TestIdentity : IStartupFilter
{
    public const string ClientHeader = "X-Test-Client";
    public const string SubjectHeader = "X-Test-Subject";

    public static void Add(WebApplicationBuilder builder) => builder.Services.AddSingleton<IStartupFilter, TestIdentity>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var claims = new List<Claim>();
            if (context.Request.Headers[ClientHeader] is [{ Length: > 0 } client])
            {
                claims.Add(new Claim("client_id", client));
            }

            if (context.Request.Headers[SubjectHeader] is [{ Length: > 0 } subject])
            {
                claims.Add(new Claim("sub", subject));
            }

            if (claims.Count > 0)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
