namespace Gateway.Transforms.Headers;

/// <summary>Response headers that reveal a backend's stack, hosts or debug tooling, removed from every response.</summary>
public static class LeakyResponseHeaders
{
    /// <summary>Families of debug-only or stack-naming headers, removed whatever follows the prefix: a debug toolbar, a
    /// profiler, a CMS or a proxy behind the backend invents new names per version and per plugin (<c>X-Debug-Db-User</c>,
    /// <c>X-Xdebug-Profile-Filename</c>, <c>X-Drupal-Cache-Tags</c>, <c>X-Envoy-Upstream-Healthchecked-Cluster</c>).</summary>
    public static IReadOnlyList<string> BuiltInPrefixes { get; } =
    [
        "X-Debug-",                  // Symfony profiler, and hand-made debug output of any stack
        "X-Debugbar-",               // Laravel / PHP debugbar
        "X-Clockwork-",              // Laravel Clockwork
        "X-Xdebug-",                 // PHP Xdebug profiler and trace file names
        "X-MiniProfiler-",           // MiniProfiler (.NET)
        "X-Glimpse-",                // Glimpse (.NET)
        "X-ChromeLogger-",           // PHP ChromeLogger / ChromePhp
        "X-ChromePhp-",
        "X-Symfony-",                // Symfony HttpCache's trace, sent only with debug on
        "X-Drupal-",                 // Drupal: cache state, and with debug on its cache tags and contexts (entity ids, config names)
        "X-Envoy-",                  // an Envoy sidecar or mesh behind the backend: its cluster names, timings, retries
        "X-Kong-",                   // a Kong behind the backend: latencies, upstream status, its own request id
    ];

    /// <summary>Whether the name belongs to one of the <see cref="BuiltInPrefixes"/> families (ignoring case).</summary>
    public static bool HasDebugPrefix(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
        {
            return false; // nearly every header: one comparison
        }

        foreach (var prefix in BuiltInPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

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
        "X-Backend",                 // names set by load balancers and hand-written configs: the node that answered
        "X-Origin-Server",
        "X-Node",
        "X-Cache-Lookup",            // Squid: "MISS from squid01:3128", its host and port
        "X-Squid-Error",
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
        "X-Debug-Exception",         // Symfony debug: the exception message and its file
        "X-Debug-Exception-File",
        "X-ChromeLogger-Data",       // PHP ChromeLogger / ChromePhp: the server's debug log, base64
        "X-ChromePhp-Data",
        "X-MiniProfiler-Ids",        // MiniProfiler (.NET)
        "X-Glimpse-RequestId",
        "X-FEServer",                // Exchange / OWA: front- and back-end server names
        "X-BEServer",
        "X-CalculatedBETarget",
        "X-DiagInfo",
        "X-OWA-Version",
        "Liferay-Portal",            // product and version
        "X-Redirect-By",             // WordPress
        "X-Pingback",                // WordPress: the XML-RPC endpoint, a well-known attack target
        "X-Powered-CMS",             // Bitrix and other CMSs: product name
        "X-Content-Powered-By",      // Joomla extensions (K2): product and version
        "X-Jenkins",
        "X-Hudson",
        "X-Hostname",
        "X-Pod-Name",
        "X-Server-Name",
        "X-Node-Name",
        "X-Machine-Name",
        "X-Oracle-Dms-Ecid",         // WebLogic / Oracle Fusion execution context ids
        "X-Oracle-Dms-Rid",
        "MicrosoftSharePointTeamServices", // SharePoint: product build
        "X-SharePointHealthScore",
        "X-MS-InvokeApp",
        "X-Envoy-Upstream-Service-Time", // a sidecar or mesh behind the backend: its timing and service names
        "X-Envoy-Decorator-Operation",
        "X-Kong-Upstream-Latency",
        "X-Kong-Proxy-Latency",
    ];
}
