namespace Gateway.IntegrationTests.Observability;

/// <summary>Configs for the observability tests; route and cluster ids are unique to them.</summary>
public static class ObservabilityConfigs
{
    /// <summary>
    /// Admin on 127.0.0.1:0. Routes: <c>/api/**</c> (EdFi, 1 s timeout), <c>/v2/api/**</c> (ProblemDetails),
    /// <c>/checked/**</c> (JSON body check), <c>/dead/**</c> (a cluster whose destination refuses connections).
    /// </summary>
    public const string WithAdmin = """
    {
      "Gateway": {
        "Admin": { "Enabled": true, "Urls": "http://127.0.0.1:0" },
        "Routes": {
          "obs-v2": { "Profile": "ProblemDetails" },
          "obs-checked": { "ValidateJsonRequestBody": true }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "obs-api": { "ClusterId": "obs-legacy", "Match": { "Path": "/api/{**rest}" }, "Timeout": "00:00:01" },
          "obs-v2": { "ClusterId": "obs-legacy", "Match": { "Path": "/v2/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/v2" } ] },
          "obs-checked": { "ClusterId": "obs-legacy", "Match": { "Path": "/checked/{**rest}" } },
          "obs-dead": { "ClusterId": "obs-dead", "Match": { "Path": "/dead/{**rest}" } }
        },
        "Clusters": {
          "obs-legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } },
          "obs-dead": { "Destinations": { "gone": { "Address": "{DEAD}" } } }
        }
      }
    }
    """;

    public static string Render(string config, string deadAddress) => config.Replace("{DEAD}", deadAddress, StringComparison.Ordinal);
}
