using Gateway.Configuration;
using StackExchange.Redis;

namespace Gateway.Preconditions;

/// <summary>Checks <see cref="ETagOptions"/> and <see cref="ETagLockOptions"/>; each problem carries its configuration path.</summary>
internal static class ETagOptionsValidator
{
    public const int MinBodyBytes = 1;
    public const int MaxBodyBytes = 64 * 1024 * 1024;
    public const int MaxCacheSeconds = 86_400;
    public const int MaxCacheEntries = 1_000_000;
    private const string LockPath = $"{GatewayOptions.SectionName}:{ETagLockOptions.SectionName}";

    /// <param name="options">The route's settings.</param>
    /// <param name="lockOptions">The gateway's shared-lock settings.</param>
    /// <param name="routePath">The route's path, e.g. <c>Gateway:Routes:students</c>.</param>
    /// <param name="problems">Where problems are added.</param>
    public static void Validate(ETagOptions options, ETagLockOptions lockOptions, string routePath, List<ConfigProblem> problems)
    {
        var path = $"{routePath}:{ETagOptions.SectionName}";
        if (!Enum.IsDefined(options.Mode))
        {
            problems.Add(new($"{path}:Mode", "must be Passthrough, Generate or Off"));
        }

        if (!Enum.IsDefined(options.Lock))
        {
            problems.Add(new($"{path}:Lock", "must be None, Local or Redis"));
        }
        else if (options.Lock == ETagLockMode.Redis && string.IsNullOrWhiteSpace(lockOptions.RedisConfiguration))
        {
            problems.Add(new($"{path}:Lock", $"Redis needs {LockPath}:RedisConfiguration"));
        }

        if (options.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytes)
        {
            problems.Add(new($"{path}:MaxBodyBytes", $"must be between {MinBodyBytes} and {MaxBodyBytes}"));
        }

        ValidateCache(options, $"{path}:{ValidatorCacheOptions.SectionName}", problems);
    }

    private static void ValidateCache(ETagOptions options, string path, List<ConfigProblem> problems)
    {
        var cache = options.ValidatorCache;
        if (cache is null)
        {
            return; // "ValidatorCache": null leaves the cache off
        }

        if (cache.Seconds is < 0 or > MaxCacheSeconds)
        {
            problems.Add(new($"{path}:Seconds", $"must be between 0 (off) and {MaxCacheSeconds}"));
        }
        else if (cache.Seconds > 0 && options.Mode == ETagMode.Off)
        {
            problems.Add(new($"{path}:Seconds", "needs ETags:Mode Passthrough or Generate (the route's Mode is Off)"));
        }

        if (cache.MaxEntries is < 1 or > MaxCacheEntries)
        {
            problems.Add(new($"{path}:MaxEntries", $"must be between 1 and {MaxCacheEntries}"));
        }
    }

    /// <summary>Checks the <c>Gateway:ETagLock</c> section.</summary>
    public static void ValidateLock(ETagLockOptions options, List<ConfigProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(options.RedisConfiguration))
        {
            try
            {
                _ = ConfigurationOptions.Parse(options.RedisConfiguration);
            }
            catch (ArgumentException ex)
            {
                problems.Add(new($"{LockPath}:RedisConfiguration", $"is not a valid Redis configuration string ({ex.Message})"));
            }
        }

        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            problems.Add(new($"{LockPath}:KeyPrefix", "must not be empty"));
        }

        if (options.LeaseSeconds is < 1 or > 300)
        {
            problems.Add(new($"{LockPath}:LeaseSeconds", "must be between 1 and 300"));
        }
    }
}
