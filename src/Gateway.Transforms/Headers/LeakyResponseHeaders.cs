namespace Gateway.Transforms.Headers;

/// <summary>Response headers that reveal a backend's stack, hosts or debug tooling, removed from every response.</summary>
public static class LeakyResponseHeaders
{
    /// <summary>The built-in list; config can add to it, never shrink it.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
    [
        "Server",
        "X-Powered-By",
        "X-AspNet-Version",
        "X-AspNetMvc-Version",
        "X-SourceFiles",             // IIS Express: base64 of the physical path
        "X-Debug-Token",             // Symfony profiler
        "X-Debug-Token-Link",
        "X-Debugbar-Id",             // Laravel debugbar
        "X-Clockwork-Id",            // Laravel Clockwork
        "X-Clockwork-Version",
        "X-Runtime",                 // Rails: server-side timing
        "X-Rack-Cache",
        "X-Generator",               // Drupal, Hugo …
        "X-Drupal-Cache",
        "X-Drupal-Dynamic-Cache",
        "X-Application-Context",     // Spring Boot: app name, profile and port
        "X-Backend-Server",
        "X-Backend-Host",
        "X-Server",
        "X-Served-By",
        "X-Real-Server",
        "X-Host",
        "X-Forwarded-Server",
        "X-Upstream",
        "X-Upstream-Addr",
        "X-Exception",
        "X-Exception-Type",
        "X-Error-Detail",
        "X-Stack-Trace",
        "X-Debug",
        "X-Debug-Info",
        "X-Php-Version",
        "X-Turbo-Charged-By",
        "X-Mod-Pagespeed",
        "X-Page-Speed",
        "X-Varnish",
        "X-Cache-Hits",
        "X-Kubernetes-Pf-FlowSchema-UID",
        "X-Kubernetes-Pf-PriorityLevel-UID",
        "SourceMap",
        "X-SourceMap",
    ];
}
