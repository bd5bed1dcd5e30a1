namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>Config texts for tests; <c>{UPSTREAM}</c> is replaced by the fake upstream's address.</summary>
public static class TestConfigs
{
    /// <summary>
    /// Routes: <c>/api/**</c> (EdFi, 5 s timeout), <c>/v2/api/**</c> (ProblemDetails, prefix removed, 5 s timeout),
    /// <c>/raw/**</c> (normalization and header stripping off).
    /// </summary>
    public const string Standard = """
    {
      "Gateway": {
        "StripResponseHeaders": [ "X-Internal-Build" ],
        "Routes": {
          "v2": { "Profile": "ProblemDetails" },
          "raw": { "NormalizeErrors": false, "StripHeaders": false }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "Timeout": "00:00:05" },
          "v2": { "ClusterId": "legacy", "Match": { "Path": "/v2/api/{**rest}" }, "Timeout": "00:00:05",
                  "Transforms": [ { "PathRemovePrefix": "/v2" } ] },
          "raw": { "ClusterId": "legacy", "Match": { "Path": "/raw/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/raw" } ] }
        },
        "Clusters": {
          "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } }
        }
      }
    }
    """;

    /// <summary>A config whose only route sends every path to <c>{UPSTREAM}</c>, with the given top-level sections before it.</summary>
    /// <param name="sections">Top-level JSON members (e.g. <c>"Kestrel": { … }</c>), or empty.</param>
    public static string CatchAll(string sections = "") =>
        "{ " + (sections.Length > 0 ? sections + ", " : string.Empty) + """
          "ReverseProxy": {
            "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/{**rest}" } } },
            "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
          }
        }
        """;
}
