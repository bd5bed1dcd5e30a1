namespace Gateway.Transforms.Headers;

/// <summary>
/// Request headers a client could use to lie to a legacy backend about who it is, where it came from, which URL or
/// method it asked for: removed before forwarding. The gateway sets <c>X-Forwarded-*</c> itself.
/// </summary>
public static class UntrustedRequestHeaders
{
    /// <summary>The built-in list; config can add to it, or let named entries through.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
    [
        // Client address claims that many backends trust for logs, allow-lists and rate limits.
        "X-Real-IP",
        "True-Client-IP",
        "X-Client-IP",
        "Client-IP",
        "X-Cluster-Client-IP",
        "CF-Connecting-IP",
        "Fastly-Client-IP",
        "X-Originating-IP",
        "X-Remote-IP",
        "X-Remote-Addr",
        "X-ProxyUser-Ip",
        "X-Original-Forwarded-For",
        "X-Forwarded",
        "Forwarded-For",
        "X-Forwarded-Port",
        "X-Forwarded-Server",
        "X-Forwarded-Ssl",
        "X-Forwarded-Scheme",
        "X-Url-Scheme",
        "Front-End-Https",
        // IIS URL Rewrite / Symfony / Zend honour these over the request line: a path-based policy bypass.
        "X-Original-URL",
        "X-Rewrite-URL",
        "X-Original-Host",
        // Method override: the gateway authorized one method, the backend would run another.
        "X-HTTP-Method-Override",
        "X-HTTP-Method",
        "X-Method-Override",
        // httpoxy (CVE-2016-5385): CGI backends turn it into HTTP_PROXY.
        "Proxy",
    ];
}
