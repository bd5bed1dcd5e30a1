using Gateway.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Health;

/// <summary>
/// Ready while a good config serves and the process is not draining. A refused edit leaves it ready but degraded:
/// the last good config still serves, and failing every replica over a typo would be the worse outage.
/// </summary>
internal sealed class ConfigReadinessCheck(GatewayConfigStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.IsDraining)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("draining"));
        }

        var data = new Dictionary<string, object> { ["generation"] = store.Current.Generation };
        return Task.FromResult(store.LastRejection.Count > 0
            ? HealthCheckResult.Degraded("the last config edit was refused; the previous generation serves", data: data)
            : HealthCheckResult.Healthy("config loaded", data));
    }
}
