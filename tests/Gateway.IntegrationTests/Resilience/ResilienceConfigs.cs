using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Resilience;

/// <summary>Config texts with two destinations and the gateway's cluster settings (retries, health checks).</summary>
internal static class ResilienceConfigs
{
    /// <summary>Routes <c>/api/**</c> (EdFi) and <c>/v2/api/**</c> (ProblemDetails) to cluster <c>legacy</c>.</summary>
    public static string TwoDestinations(string first, string second, string gatewayClusters = "{}", string clusterExtras = "") =>
        Config(
            $$"""
            "LoadBalancingPolicy": "RoundRobin",
            "Destinations": { "first": { "Address": "{{first}}" }, "second": { "Address": "{{second}}" } }
            """,
            gatewayClusters,
            clusterExtras);

    /// <summary>The same routes to a cluster with one destination.</summary>
    public static string OneDestination(string address, string gatewayClusters = "{}", string clusterExtras = "") =>
        Config($$"""
            "Destinations": { "only": { "Address": "{{address}}" } }
            """, gatewayClusters, clusterExtras);

    private static string Config(string destinations, string gatewayClusters, string clusterExtras) => $$"""
    {
      "Gateway": {
        "Routes": { "v2": { "Profile": "ProblemDetails" } },
        "Clusters": {{gatewayClusters}}
      },
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "Timeout": "00:00:10" },
          "v2": { "ClusterId": "legacy", "Match": { "Path": "/v2/api/{**rest}" }, "Timeout": "00:00:10",
                  "Transforms": [ { "PathRemovePrefix": "/v2" } ] }
        },
        "Clusters": {
          "legacy": {
            {{clusterExtras}}
            {{destinations}}
          }
        }
      }
    }
    """;

    public static string Retries(string retries) => $$"""{ "legacy": { "Retries": {{retries}} } }""";

    /// <summary>An address nothing listens on: connections are refused.</summary>
    public static string DeadAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
