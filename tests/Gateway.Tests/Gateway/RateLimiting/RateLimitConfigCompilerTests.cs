using Gateway.Configuration;
using Gateway.RateLimiting;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Tests.Gateway.RateLimiting;

public sealed class RateLimitConfigCompilerTests
{
    private static readonly ClusterConfig[] s_clusters = [new() { ClusterId = "legacy" }];

    [Fact]
    public void Compile_GatewayPolicyOnRoute_TakenOutOfYarpRoute_AndMappedByRouteId()
    {
        var options = Options(("demo", new RateLimitPolicyOptions { Kind = RateLimitKind.FixedWindow, PermitLimit = 5, Window = TimeSpan.FromSeconds(10) }));
        RouteConfig[] routes = [Route("limited", "demo"), Route("off", "disable"), Route("plain", null)];
        var problems = new List<ConfigProblem>();

        var (snapshot, proxyRoutes) = RateLimitConfigCompiler.Compile(options, routes, s_clusters, problems);

        Assert.Empty(problems);
        Assert.Null(proxyRoutes.Single(r => r.RouteId == "limited").RateLimiterPolicy);
        Assert.Equal("disable", proxyRoutes.Single(r => r.RouteId == "off").RateLimiterPolicy);
        Assert.Equal("demo", snapshot.PolicyFor("LIMITED")!.Name);
        Assert.Null(snapshot.PolicyFor("plain"));
        Assert.Equal("\"demo\";q=5;w=10", snapshot.PolicyFor("limited")!.PolicyHeader);
        Assert.Null(snapshot.Redis);
    }

    [Theory]
    [InlineData("nope", "ReverseProxy:Routes:r:RateLimiterPolicy")]
    public void Compile_RouteNamingUnknownPolicy_ProblemAtRouteField(string name, string path)
    {
        var problems = new List<ConfigProblem>();

        var (_, proxyRoutes) = RateLimitConfigCompiler.Compile(Options(), [Route("r", name)], s_clusters, problems);

        Assert.Equal(path, Assert.Single(problems).Path);
        Assert.Null(proxyRoutes[0].RateLimiterPolicy); // YARP's validator does not repeat the complaint
    }

    public static TheoryData<RateLimitPolicyOptions, string> BadPolicies => new()
    {
        { new() { PermitLimit = 1, Window = TimeSpan.FromSeconds(1) }, "p:Kind" },
        { new() { Kind = RateLimitKind.FixedWindow, Window = TimeSpan.FromSeconds(1) }, "p:PermitLimit" },
        { new() { Kind = RateLimitKind.FixedWindow, PermitLimit = 1, Window = TimeSpan.FromMilliseconds(1500) }, "p:Window" },
        { new() { Kind = RateLimitKind.FixedWindow, PermitLimit = 1, Window = TimeSpan.FromSeconds(1), QueueLimit = 3 }, "p:QueueLimit" },
        { new() { Kind = RateLimitKind.FixedWindow, PermitLimit = 1, Window = TimeSpan.FromSeconds(1), TokenLimit = 3 }, "p" },
        { new() { Kind = RateLimitKind.SlidingWindow, PermitLimit = 1, Window = TimeSpan.FromSeconds(1) }, "p:SegmentsPerWindow" },
        { new() { Kind = RateLimitKind.TokenBucket, TokenLimit = 1, TokensPerPeriod = 1 }, "p:ReplenishmentPeriod" },
        { new() { Kind = RateLimitKind.TokenBucket, TokenLimit = 1, TokensPerPeriod = 0, ReplenishmentPeriod = TimeSpan.FromSeconds(1) }, "p:TokensPerPeriod" },
        { new() { Kind = RateLimitKind.Concurrency, PermitLimit = 1, Store = RateLimitStore.Redis }, "p:Store" },
        { new() { Kind = RateLimitKind.FixedWindow, PermitLimit = 1, Window = TimeSpan.FromSeconds(1), Store = RateLimitStore.Redis }, "p:Store" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Compile_BadPolicy_ProblemWithPath(RateLimitPolicyOptions policy, string pathSuffix)
    {
        var problems = new List<ConfigProblem>();

        RateLimitConfigCompiler.Compile(Options(("p", policy)), [], s_clusters, problems);

        Assert.Contains(problems, p => p.Path == $"{RateLimitingOptions.SectionName}:Policies:{pathSuffix}");
    }

    [Theory]
    [InlineData("default")]
    [InlineData("has space")]
    [InlineData("")]
    public void Compile_BadPolicyName_Refused(string name)
    {
        var problems = new List<ConfigProblem>();

        RateLimitConfigCompiler.Compile(Options((name, new RateLimitPolicyOptions { Kind = RateLimitKind.Concurrency, PermitLimit = 1 })), [], s_clusters, problems);

        Assert.Single(problems);
    }

    [Fact]
    public void Compile_RedisPolicy_StoreSettingsInSnapshot()
    {
        var options = Options(("shared", new RateLimitPolicyOptions
        {
            Kind = RateLimitKind.TokenBucket, TokenLimit = 10, TokensPerPeriod = 2, ReplenishmentPeriod = TimeSpan.FromSeconds(1), Store = RateLimitStore.Redis,
        }));
        options.RateLimiting.Redis.Configuration = "127.0.0.1:6379";
        var problems = new List<ConfigProblem>();

        var (snapshot, _) = RateLimitConfigCompiler.Compile(options, [], s_clusters, problems);

        Assert.Empty(problems);
        Assert.Equal("127.0.0.1:6379", snapshot.Redis!.Configuration);
        Assert.Equal(RedisFailureMode.FailOpen, snapshot.Redis.WhenUnavailable);
    }

    [Fact]
    public void Compile_ClusterCap_UnknownClusterAndBadStatus_Refused()
    {
        var options = Options();
        options.Clusters["legacy"] = new ClusterOptions { MaxConcurrentRequests = 4, RejectionStatus = 500 };
        options.Clusters["ghost"] = new ClusterOptions { MaxConcurrentRequests = 4 };
        var problems = new List<ConfigProblem>();

        RateLimitConfigCompiler.Compile(options, [], s_clusters, problems);

        Assert.Equal(["Gateway:Clusters:legacy:RejectionStatus", "Gateway:Clusters:ghost"], problems.Select(p => p.Path).ToArray());
    }

    private static GatewayOptions Options(params (string Name, RateLimitPolicyOptions Policy)[] policies)
    {
        var options = new GatewayOptions();
        foreach (var (name, policy) in policies)
        {
            options.RateLimiting.Policies[name] = policy;
        }

        return options;
    }

    private static RouteConfig Route(string id, string? policy) =>
        new() { RouteId = id, ClusterId = "legacy", Match = new RouteMatch { Path = "/x" }, RateLimiterPolicy = policy };
}
