using Gateway.Configuration;
using Gateway.Transforms.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>Checks one <c>Gateway:RateLimiting:Policies:&lt;name&gt;</c> entry and compiles it; each problem carries its path.</summary>
internal static class RateLimitPolicyCompiler
{
    private const int MaxLimit = 1_000_000_000;
    private static readonly TimeSpan s_maxWindow = TimeSpan.FromDays(31);
    private static readonly TimeSpan s_minPeriod = TimeSpan.FromMilliseconds(10);

    public static CompiledRateLimitPolicy? Compile(string name, RateLimitPolicyOptions o, string path, bool redisConfigured, List<ConfigProblem> problems)
    {
        var before = problems.Count;
        if (!Enum.IsDefined(o.PartitionBy))
        {
            problems.Add(new($"{path}:PartitionBy", "must be ClientIp, ApiKey, Subject or Global"));
        }

        if (!Enum.IsDefined(o.Store))
        {
            problems.Add(new($"{path}:Store", "must be Memory or Redis"));
        }
        else if (o.Store == RateLimitStore.Redis && !redisConfigured)
        {
            problems.Add(new($"{path}:Store", "Redis needs Gateway:RateLimiting:Redis:Configuration"));
        }

        LimiterSpec? spec = o.Kind switch
        {
            null => Fail(problems, $"{path}:Kind", "is required: TokenBucket, FixedWindow, SlidingWindow or Concurrency"),
            RateLimitKind.FixedWindow => Window(o, path, problems, QuotaKind.FixedWindow),
            RateLimitKind.SlidingWindow => Window(o, path, problems, QuotaKind.SlidingWindow),
            RateLimitKind.TokenBucket => TokenBucket(o, path, problems),
            RateLimitKind.Concurrency => Concurrency(o, path, problems),
            _ => Fail(problems, $"{path}:Kind", "must be TokenBucket, FixedWindow, SlidingWindow or Concurrency"),
        };

        if (spec is null || problems.Count > before)
        {
            return null;
        }

        return new CompiledRateLimitPolicy
        {
            Name = name,
            Spec = spec,
            PartitionBy = o.PartitionBy,
            Store = o.Store,
            PolicyHeader = spec.Shape is { } shape
                ? RateLimitHeaderFormatter.Policy(name, shape.Limit, RateLimitHeaderFormatter.ToDelaySeconds(shape.NominalWindowMs))
                : RateLimitHeaderFormatter.Policy(name, spec.ConcurrencyLimit, null, RateLimitHeaderFormatter.ConcurrentRequests),
            QuotaHeader = (spec.Shape?.Limit ?? spec.ConcurrencyLimit).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static LimiterSpec? Window(RateLimitPolicyOptions o, string path, List<ConfigProblem> problems, QuotaKind kind)
    {
        NotFor(o.TokenLimit, o.TokensPerPeriod, o.ReplenishmentPeriod, "TokenBucket", path, problems);
        if (kind == QuotaKind.FixedWindow && o.SegmentsPerWindow is not null)
        {
            problems.Add(new($"{path}:SegmentsPerWindow", "applies to SlidingWindow only"));
        }

        NoQueue(o, path, problems);
        var limit = Positive(o.PermitLimit, $"{path}:PermitLimit", problems);
        var window = o.Window;
        if (window is null)
        {
            problems.Add(new($"{path}:Window", "is required"));
        }
        else if (window < TimeSpan.FromSeconds(1) || window > s_maxWindow || window.Value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            // Whole seconds: the RateLimit-Policy "w" parameter has no sub-second precision.
            problems.Add(new($"{path}:Window", "must be whole seconds, from 00:00:01 to 31.00:00:00"));
        }

        var segments = 1;
        if (kind == QuotaKind.SlidingWindow)
        {
            segments = o.SegmentsPerWindow ?? 0;
            if (segments is < 2 or > 100)
            {
                problems.Add(new($"{path}:SegmentsPerWindow", "is required for SlidingWindow: 2 to 100"));
            }
            else if (window is { } w && (long)w.TotalMilliseconds % segments != 0)
            {
                problems.Add(new($"{path}:SegmentsPerWindow", "must divide the window into whole milliseconds"));
            }
        }

        return limit is null || window is null
            ? null
            : new LimiterSpec(o.Kind!.Value, new QuotaShape(kind, limit.Value, (long)window.Value.TotalMilliseconds, Math.Max(1, segments)));
    }

    private static LimiterSpec? TokenBucket(RateLimitPolicyOptions o, string path, List<ConfigProblem> problems)
    {
        if (o.PermitLimit is not null || o.Window is not null || o.SegmentsPerWindow is not null)
        {
            problems.Add(new(path, "TokenBucket takes TokenLimit, TokensPerPeriod and ReplenishmentPeriod, not PermitLimit, Window or SegmentsPerWindow"));
        }

        NoQueue(o, path, problems);
        var tokens = Positive(o.TokenLimit, $"{path}:TokenLimit", problems);
        var perPeriod = Positive(o.TokensPerPeriod, $"{path}:TokensPerPeriod", problems);
        var period = o.ReplenishmentPeriod;
        if (period is null || period < s_minPeriod || period > s_maxWindow || period.Value.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            problems.Add(new($"{path}:ReplenishmentPeriod", "is required: whole milliseconds, from 00:00:00.010 to 31.00:00:00"));
            return null;
        }

        return tokens is null || perPeriod is null
            ? null
            : new LimiterSpec(RateLimitKind.TokenBucket, new QuotaShape(QuotaKind.TokenBucket, tokens.Value, (long)period.Value.TotalMilliseconds, 1, perPeriod.Value));
    }

    private static LimiterSpec? Concurrency(RateLimitPolicyOptions o, string path, List<ConfigProblem> problems)
    {
        NotFor(o.TokenLimit, o.TokensPerPeriod, o.ReplenishmentPeriod, "TokenBucket", path, problems);
        if (o.Window is not null || o.SegmentsPerWindow is not null)
        {
            problems.Add(new(path, "Concurrency takes PermitLimit and QueueLimit, not Window or SegmentsPerWindow"));
        }

        if (o.Store == RateLimitStore.Redis)
        {
            // A shared in-flight count needs leases that outlive a crashed replica; out of scope, said in the docs.
            problems.Add(new($"{path}:Store", "Concurrency limits are per replica: use Memory"));
        }

        if (o.QueueLimit is < 0 or > 10_000)
        {
            problems.Add(new($"{path}:QueueLimit", "must be between 0 and 10000"));
        }

        var limit = Positive(o.PermitLimit, $"{path}:PermitLimit", problems);
        return limit is null ? null : new LimiterSpec(RateLimitKind.Concurrency, null, limit.Value, Math.Max(0, o.QueueLimit));
    }

    private static int? Positive(int? value, string path, List<ConfigProblem> problems)
    {
        if (value is null or < 1 or > MaxLimit)
        {
            problems.Add(new(path, $"is required: 1 to {MaxLimit}"));
            return null;
        }

        return value;
    }

    private static void NotFor(int? a, int? b, TimeSpan? c, string kind, string path, List<ConfigProblem> problems)
    {
        if (a is not null || b is not null || c is not null)
        {
            problems.Add(new(path, $"TokenLimit, TokensPerPeriod and ReplenishmentPeriod apply to {kind} only"));
        }
    }

    private static void NoQueue(RateLimitPolicyOptions o, string path, List<ConfigProblem> problems)
    {
        if (o.QueueLimit != 0)
        {
            problems.Add(new($"{path}:QueueLimit", "applies to Concurrency only: time-based limits refuse at once"));
        }
    }

    private static LimiterSpec? Fail(List<ConfigProblem> problems, string path, string message)
    {
        problems.Add(new(path, message));
        return null;
    }
}
