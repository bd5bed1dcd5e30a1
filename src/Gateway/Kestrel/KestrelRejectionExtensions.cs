using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Kestrel;

/// <summary>Registers the rewriting of Kestrel's own rejections into the standard payload.</summary>
internal static class KestrelRejectionExtensions
{
    /// <summary>Services the connection middleware needs; the observer subscribes when first resolved.</summary>
    public static IServiceCollection AddKestrelRejectionAnswers(this IServiceCollection services) =>
        services.AddSingleton<RejectionAnswer>().AddSingleton<BadRequestObserver>();

    /// <summary>
    /// Applies the connection middleware to every endpoint Kestrel binds, including those from <c>--urls</c> and the
    /// <c>Kestrel:Endpoints</c> config section (Kestrel runs the endpoint defaults for each of them).
    /// </summary>
    public static void UseKestrelRejectionAnswers(this KestrelServerOptions options) =>
        options.ConfigureEndpointDefaults(listen => listen.Use(next =>
        {
            var services = listen.ApplicationServices;
            _ = services.GetRequiredService<BadRequestObserver>();
            return new RejectionConnectionMiddleware(next, services.GetRequiredService<RejectionAnswer>()).OnConnectionAsync;
        }));
}
