using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Gateway.Configuration;
using Yarp.ReverseProxy;

namespace Gateway.Observability.Admin;

/// <summary>
/// The admin document: the config generation in force, the last reload's result and problems, route → cluster →
/// destination health as YARP sees it, and the active config, all with secrets redacted.
/// </summary>
internal sealed class AdminView(GatewayConfigStore store, IProxyStateLookup proxyState)
{
    private static readonly JsonSerializerOptions s_configJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions s_output = new() { WriteIndented = true };

    public string Render()
    {
        var snapshot = store.Current;
        var view = new JsonObject
        {
            ["generation"] = snapshot.Generation,
            ["configFile"] = store.ConfigPath,
            ["lastReload"] = LastReload(),
            ["routes"] = Routes(),
            ["config"] = ConfigRedactor.Redact(ActiveConfig(snapshot)),
        };
        return view.ToJsonString(s_output);
    }

    private JsonObject LastReload()
    {
        var problems = new JsonArray();
        foreach (var problem in store.LastRejection)
        {
            problems.Add(new JsonObject
            {
                ["path"] = problem.Path,
                ["message"] = ConfigRedactor.RedactMessage(problem.Path, problem.Message),
            });
        }

        return new JsonObject
        {
            ["result"] = problems.Count == 0 ? "applied" : "refused",
            ["applied"] = store.AppliedCount,
            ["refused"] = store.RefusedCount,
            ["problems"] = problems,
        };
    }

    private JsonArray Routes()
    {
        var clusters = proxyState.GetClusters().ToDictionary(c => c.ClusterId, StringComparer.OrdinalIgnoreCase);
        var routes = new JsonArray();
        foreach (var route in proxyState.GetRoutes().OrderBy(r => r.Config.RouteId, StringComparer.Ordinal))
        {
            var clusterId = route.Config.ClusterId;
            var destinations = new JsonArray();
            var available = 0;
            if (clusterId is not null && clusters.TryGetValue(clusterId, out var cluster))
            {
                available = cluster.DestinationsState?.AvailableDestinations.Count ?? 0;
                foreach (var (id, destination) in cluster.Destinations.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    destinations.Add(new JsonObject
                    {
                        ["destinationId"] = id,
                        ["address"] = ConfigRedactor.RedactValue(destination.Model.Config.Address),
                        ["activeHealth"] = destination.Health.Active.ToString(),
                        ["passiveHealth"] = destination.Health.Passive.ToString(),
                        ["concurrentRequests"] = destination.ConcurrentRequestCount,
                    });
                }
            }

            routes.Add(new JsonObject
            {
                ["routeId"] = route.Config.RouteId,
                ["clusterId"] = clusterId,
                ["availableDestinations"] = available,
                ["destinations"] = destinations,
            });
        }

        return routes;
    }

    private static JsonObject ActiveConfig(GatewaySnapshot snapshot) => new()
    {
        [GatewayOptions.SectionName] = ToNode(snapshot.Options),
        ["ReverseProxy"] = new JsonObject
        {
            ["Routes"] = new JsonObject(snapshot.Routes.Select(r => KeyValuePair.Create(r.RouteId, ToNode(r)))),
            ["Clusters"] = new JsonObject(snapshot.Clusters.Select(c => KeyValuePair.Create(c.ClusterId, ToNode(c)))),
        },
    };

    // A settings type the serializer cannot write (a later feature's) must not take the whole view down.
    private static JsonNode? ToNode<T>(T value)
    {
        try
        {
            return JsonSerializer.SerializeToNode(value, s_configJson);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
        {
            return $"(not shown: {typeof(T).Name} cannot be serialized)";
        }
    }
}
