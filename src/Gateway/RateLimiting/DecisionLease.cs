using System.Threading.RateLimiting;
using Gateway.Transforms.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>A lease that carries the decision behind it: <see cref="MetadataName.RetryAfter"/> on refusals, and the full decision.</summary>
internal sealed class DecisionLease(RateLimitDecision decision, RateLimitRefusal refusal = RateLimitRefusal.QuotaExhausted) : RateLimitLease
{
    /// <summary>The metadata name under which the decision travels with the lease.</summary>
    public static readonly MetadataName<RateLimitDecision> DecisionName = new("GATEWAY_RATE_LIMIT_DECISION");

    private static readonly string[] s_allowedNames = [DecisionName.Name];
    private static readonly string[] s_refusedNames = [MetadataName.RetryAfter.Name, DecisionName.Name];

    public RateLimitDecision Decision { get; } = decision;

    /// <summary>Why a refused lease was refused.</summary>
    public RateLimitRefusal Refusal { get; } = refusal;

    public override bool IsAcquired => Decision.Allowed;

    public override IEnumerable<string> MetadataNames => Decision.Allowed ? s_allowedNames : s_refusedNames;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (metadataName == DecisionName.Name)
        {
            metadata = Decision;
            return true;
        }

        if (!Decision.Allowed && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = TimeSpan.FromMilliseconds(Decision.RetryAfterMs);
            return true;
        }

        metadata = null;
        return false;
    }
}
