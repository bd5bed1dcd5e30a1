namespace Gateway.RateLimiting;

/// <summary>One quota: a policy (by name and definition) and one partition (client, subject, address or all).</summary>
internal sealed record LimiterKey(string PolicyName, LimiterSpec Spec, string Partition);
