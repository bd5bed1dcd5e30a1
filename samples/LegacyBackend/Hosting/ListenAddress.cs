namespace LegacyBackend.Hosting;

internal static class ListenAddress
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>Listens on <see cref="Default"/> unless --urls, ASPNETCORE_URLS or *_HTTP_PORTS says otherwise.</summary>
    public static IWebHostBuilder UseDefaultListenAddress(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        var configured = !string.IsNullOrEmpty(configuration["urls"])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"]);

        return configured ? webHost : webHost.UseUrls(Default);
    }
}
