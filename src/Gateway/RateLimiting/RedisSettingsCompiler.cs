using Gateway.Configuration;
using StackExchange.Redis;

namespace Gateway.RateLimiting;

/// <summary>Checks <c>Gateway:RateLimiting:Redis</c>; null when no configuration string is given (no Redis store).</summary>
internal static class RedisSettingsCompiler
{
    public static RedisStoreSettings? Compile(RedisRateLimitOptions redis, string path, List<ConfigProblem> problems)
    {
        var before = problems.Count;
        if (redis.TimeoutMilliseconds is < 10 or > 60_000)
        {
            problems.Add(new($"{path}:TimeoutMilliseconds", "must be between 10 and 60000"));
        }

        if (redis.ConnectTimeoutMilliseconds is < 100 or > 60_000)
        {
            problems.Add(new($"{path}:ConnectTimeoutMilliseconds", "must be between 100 and 60000"));
        }

        if (redis.ReconnectMilliseconds is < 100 or > 60_000)
        {
            problems.Add(new($"{path}:ReconnectMilliseconds", "must be between 100 and 60000"));
        }

        if (!Enum.IsDefined(redis.WhenUnavailable))
        {
            problems.Add(new($"{path}:WhenUnavailable", "must be FailOpen or FailClosed"));
        }

        if (redis.FailClosedStatus is not (429 or 503))
        {
            problems.Add(new($"{path}:FailClosedStatus", "must be 429 or 503"));
        }

        if (redis.KeyPrefix is null || redis.KeyPrefix.Length > 100)
        {
            problems.Add(new($"{path}:KeyPrefix", "must be at most 100 characters"));
        }

        if (string.IsNullOrWhiteSpace(redis.Configuration))
        {
            return null;
        }

        try
        {
            _ = ConfigurationOptions.Parse(redis.Configuration);
        }
        catch (ArgumentException ex)
        {
            problems.Add(new($"{path}:Configuration", $"is not a valid Redis configuration string ({ex.Message})"));
        }

        return problems.Count > before
            ? null
            : new RedisStoreSettings(redis.Configuration, redis.KeyPrefix!, redis.TimeoutMilliseconds, redis.ConnectTimeoutMilliseconds,
                redis.ReconnectMilliseconds, redis.WhenUnavailable, redis.FailClosedStatus);
    }
}
