namespace Gateway.IntegrationTests.Observability;

/// <summary>Configs for the observability tests; route and cluster ids are unique to them.</summary>
public static class ObservabilityConfigs
{
    public const string ReaderKey = "obs-reader-key-4f7a2c9e1b";

    public const string ReaderKeyHash = "b3b678b7d4f395726e9621281f9502ee0473428daaec1caeb61d17b12a698ad8";

    /// <summary>
    /// Admin on 127.0.0.1:0. Routes: <c>/api/**</c> (EdFi, 1 s timeout), <c>/v2/api/**</c> (ProblemDetails, generated ETags),
    /// <c>/checked/**</c> (JSON body check), <c>/dead/**</c> (a cluster whose destination refuses connections),
    /// <c>/secure/**</c> (scope obs:write; the API key <see cref="ReaderKey"/> has only obs:read), <c>/limited/**</c>
    /// (2 requests per 5 min), <c>/shared/**</c> (a Redis policy; Redis is not there, failing open).
    /// </summary>
    public const string WithAdmin = """
    {
      "Gateway": {
        "Admin": { "Enabled": true, "Urls": "http://127.0.0.1:0" },
        "Authentication": {
          "ApiKeys": { "Keys": { "obs-reader": { "Sha256": "b3b678b7d4f395726e9621281f9502ee0473428daaec1caeb61d17b12a698ad8", "Scopes": [ "obs:read" ] } } }
        },
        "Authorization": { "DefaultPolicy": "Anonymous", "Policies": { "obs-write": { "Scopes": [ "obs:write" ] } } },
        "RateLimiting": {
          "Redis": { "Configuration": "{DEADHOSTPORT},password=planted-redis-password", "ConnectTimeoutMilliseconds": 200, "WhenUnavailable": "FailOpen" },
          "Policies": {
            "obs-two": { "Kind": "FixedWindow", "PermitLimit": 2, "Window": "00:05:00" },
            "obs-shared": { "Kind": "FixedWindow", "PermitLimit": 100, "Window": "00:05:00", "Store": "Redis" }
          }
        },
        "Routes": {
          "obs-v2": { "Profile": "ProblemDetails", "ETags": { "Mode": "Generate" } },
          "obs-checked": { "ValidateJsonRequestBody": true }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "obs-api": { "ClusterId": "obs-legacy", "Match": { "Path": "/api/{**rest}" }, "Timeout": "00:00:01" },
          "obs-v2": { "ClusterId": "obs-legacy", "Match": { "Path": "/v2/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/v2" } ] },
          "obs-checked": { "ClusterId": "obs-legacy", "Match": { "Path": "/checked/{**rest}" } },
          "obs-dead": { "ClusterId": "obs-dead", "Match": { "Path": "/dead/{**rest}" } },
          "obs-limited": { "ClusterId": "obs-legacy", "Match": { "Path": "/limited/{**rest}" }, "RateLimiterPolicy": "obs-two" },
          "obs-shared": { "ClusterId": "obs-legacy", "Match": { "Path": "/shared/{**rest}" }, "RateLimiterPolicy": "obs-shared" },
          "obs-secure": { "ClusterId": "obs-legacy", "Match": { "Path": "/secure/{**rest}" }, "AuthorizationPolicy": "obs-write" }
        },
        "Clusters": {
          "obs-legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } },
          "obs-dead": { "Destinations": { "gone": { "Address": "{DEAD}" } } }
        }
      }
    }
    """;

    public static string Render(string config, string deadAddress) => config
        .Replace("{DEAD}", deadAddress, StringComparison.Ordinal)
        .Replace("{DEADHOSTPORT}", new Uri(deadAddress).Authority, StringComparison.Ordinal);
}
