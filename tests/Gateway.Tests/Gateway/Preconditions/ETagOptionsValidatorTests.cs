using Gateway.Configuration;
using Gateway.Preconditions;

namespace Gateway.Tests.Gateway.Preconditions;

public sealed class ETagOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        var problems = new List<ConfigProblem>();

        ETagOptionsValidator.Validate(new ETagOptions(), new ETagLockOptions(), "Gateway:Routes:r", problems);
        ETagOptionsValidator.ValidateLock(new ETagLockOptions(), problems);

        Assert.Empty(problems);
        Assert.Equal(ETagMode.Passthrough, ETagPolicy.Default.Mode);
        Assert.Equal(ETagLockMode.Local, ETagPolicy.Default.Lock);
        Assert.Equal(1024 * 1024, ETagPolicy.Default.MaxBodyBytes);
    }

    [Theory]
    [InlineData(0, 0, 0, "Gateway:Routes:r:ETags:MaxBodyBytes")]
    [InlineData(0, 0, 64 * 1024 * 1024 + 1, "Gateway:Routes:r:ETags:MaxBodyBytes")]
    [InlineData(7, 0, 1024, "Gateway:Routes:r:ETags:Mode")]
    [InlineData(0, 9, 1024, "Gateway:Routes:r:ETags:Lock")]
    public void Validate_BadValue_ProblemAtPath(int mode, int lockMode, int maxBodyBytes, string path)
    {
        var problems = new List<ConfigProblem>();
        var options = new ETagOptions { Mode = (ETagMode)mode, Lock = (ETagLockMode)lockMode, MaxBodyBytes = maxBodyBytes };

        ETagOptionsValidator.Validate(options, new ETagLockOptions { RedisConfiguration = "127.0.0.1:6379" }, "Gateway:Routes:r", problems);

        Assert.Equal(path, Assert.Single(problems).Path);
    }

    [Theory]
    [InlineData(0, -1, 10, "Gateway:Routes:r:ETags:ValidatorCache:Seconds")]
    [InlineData(0, 86_401, 10, "Gateway:Routes:r:ETags:ValidatorCache:Seconds")]
    [InlineData(2, 5, 10, "Gateway:Routes:r:ETags:ValidatorCache:Seconds")]
    [InlineData(1, 5, 0, "Gateway:Routes:r:ETags:ValidatorCache:MaxEntries")]
    [InlineData(1, 0, 1_000_001, "Gateway:Routes:r:ETags:ValidatorCache:MaxEntries")]
    public void Validate_BadValidatorCache_ProblemAtPath(int mode, int seconds, int maxEntries, string path)
    {
        var problems = new List<ConfigProblem>();
        var options = new ETagOptions { Mode = (ETagMode)mode, ValidatorCache = new() { Seconds = seconds, MaxEntries = maxEntries } };

        ETagOptionsValidator.Validate(options, new ETagLockOptions(), "Gateway:Routes:r", problems);

        Assert.Equal(path, Assert.Single(problems).Path);
    }

    [Fact]
    public void Policy_CacheOnlyWhenSecondsSet_NewInstancePerCompile()
    {
        var on = new ETagOptions { Mode = ETagMode.Generate, ValidatorCache = new() { Seconds = 5, MaxEntries = 7 } };

        Assert.Null(ETagPolicy.Default.Cache);
        Assert.Null(ETagPolicy.From(new ETagOptions { ValidatorCache = new() { Seconds = 0 } }).Cache);
        var cache = ETagPolicy.From(on).Cache!;
        Assert.Equal((5, 7), (cache.Seconds, cache.MaxEntries));
        Assert.NotSame(cache, ETagPolicy.From(on).Cache); // a reload starts empty
    }

    [Fact]
    public void Validate_RedisLockWithoutConnection_ProblemAtLock()
    {
        var problems = new List<ConfigProblem>();

        ETagOptionsValidator.Validate(new ETagOptions { Lock = ETagLockMode.Redis }, new ETagLockOptions(), "Gateway:Routes:r", problems);

        var problem = Assert.Single(problems);
        Assert.Equal("Gateway:Routes:r:ETags:Lock", problem.Path);
        Assert.Contains("Gateway:ETagLock:RedisConfiguration", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:6379,connectTimeout=abc", "p:", 10, "Gateway:ETagLock:RedisConfiguration")]
    [InlineData("127.0.0.1:6379", "", 10, "Gateway:ETagLock:KeyPrefix")]
    [InlineData("127.0.0.1:6379", "p:", 0, "Gateway:ETagLock:LeaseSeconds")]
    [InlineData(null, "p:", 301, "Gateway:ETagLock:LeaseSeconds")]
    public void ValidateLock_BadValue_ProblemAtPath(string? configuration, string prefix, int leaseSeconds, string path)
    {
        var problems = new List<ConfigProblem>();

        ETagOptionsValidator.ValidateLock(new ETagLockOptions { RedisConfiguration = configuration, KeyPrefix = prefix, LeaseSeconds = leaseSeconds }, problems);

        Assert.Equal(path, Assert.Single(problems).Path);
    }
}
