using Gateway.Configuration;
using Gateway.Proxy.Retry;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Tests.Gateway.Proxy.Retry;

public sealed class RetryPolicyCompilerTests
{
    private static readonly ClusterConfig[] s_clusters = [new() { ClusterId = "legacy" }];

    [Fact]
    public void Compile_EmptySection_TakesTheDefaults()
    {
        var (policy, problems) = Compile(new RetryOptions());

        Assert.Empty(problems);
        Assert.Equal(1, policy!.MaxRetries);
        Assert.Equal(RetryConditions.ConnectFailure | RetryConditions.Reset, policy.Conditions);
        Assert.Equal([502, 503, 504], policy.Statuses.Order());
        Assert.Equal(["GET", "HEAD", "OPTIONS"], policy.Methods.Order());
        Assert.Equal(TimeSpan.FromMilliseconds(25), policy.Backoff);
    }

    [Fact]
    public void NoRetriesSection_NoPolicy_ClosedConnectionsRetriedForEveryCluster()
    {
        var options = new GatewayOptions();
        options.Clusters["legacy"] = new ClusterOptions { MaxConcurrentRequests = 5 };
        var problems = new List<ConfigProblem>();
        ClusterConfig[] clusters = [.. s_clusters, new() { ClusterId = "unlisted" }];

        var policies = RetryPolicyCompiler.Compile(options, clusters, problems);

        Assert.Empty(problems);
        Assert.Empty(policies);
        Assert.Equal(["legacy", "unlisted"], RetryPolicyCompiler.ClosedConnectionClusters(options, clusters).Order());
        Assert.Equal(["DELETE", "GET", "HEAD", "OPTIONS", "PUT", "TRACE"], RetryPolicyCompiler.IdempotentMethods.Order());
    }

    [Fact]
    public void RetryClosedConnectionsOff_ClusterLeftOut()
    {
        var options = new GatewayOptions();
        options.Clusters["legacy"] = new ClusterOptions { RetryClosedConnections = false };

        Assert.Empty(RetryPolicyCompiler.ClosedConnectionClusters(options, s_clusters));
        Assert.Empty(RetryPolicyCompiler.Compile(options, s_clusters, []));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Compile_ConfiguredPolicy_GetsClosedConnectionsUnlessTurnedOff(bool retryClosed)
    {
        var expected = retryClosed ? RetryConditions.ClosedConnection | RetryConditions.Timeout : RetryConditions.Timeout;
        var options = new GatewayOptions();
        options.Clusters["legacy"] = new ClusterOptions { RetryClosedConnections = retryClosed, Retries = new RetryOptions { On = ["Timeout"], MaxRetries = 4 } };
        var problems = new List<ConfigProblem>();

        var policy = RetryPolicyCompiler.Compile(options, s_clusters, problems)["legacy"];

        Assert.Empty(problems);
        Assert.Equal(expected, policy.Conditions);
        Assert.Equal(4, policy.MaxRetries);
        // The policy's own retries cover reset connections: the separate closed-connection retry leaves the cluster out.
        Assert.Empty(RetryPolicyCompiler.ClosedConnectionClusters(options, s_clusters));
    }

    [Fact]
    public void Compile_ClosedConnectionNamed_Accepted()
    {
        var (policy, problems) = Compile(new RetryOptions { On = ["closedconnection"] });

        Assert.Empty(problems);
        Assert.Equal(RetryConditions.ClosedConnection, policy!.Conditions);
    }

    [Theory]
    [InlineData("POST", "Methods:0")]
    [InlineData("patch", "Methods:0")]
    [InlineData("CONNECT", "Methods:0")]
    public void Compile_NonIdempotentMethod_Refused(string method, string path)
    {
        var (policy, problems) = Compile(new RetryOptions { Methods = [method] });

        Assert.Null(policy);
        Assert.Equal($"Gateway:Clusters:legacy:Retries:{path}", Assert.Single(problems).Path);
    }

    [Theory]
    [InlineData("Status404")]
    [InlineData("Status600")]
    [InlineData("Status")]
    [InlineData("2")]
    [InlineData("None")]
    [InlineData("ConnectFailure,Reset")]
    [InlineData("Retry")]
    public void Compile_UnknownCondition_Refused(string condition)
    {
        var (policy, problems) = Compile(new RetryOptions { On = [condition] });

        Assert.Null(policy);
        Assert.Equal("Gateway:Clusters:legacy:Retries:On:0", Assert.Single(problems).Path);
    }

    [Fact]
    public void Compile_ConditionsAndStatuses_CaseInsensitive()
    {
        var (policy, problems) = Compile(new RetryOptions { On = ["timeout", "STATUS500", "Status599"], Methods = ["put", "Delete"] });

        Assert.Empty(problems);
        Assert.Equal(RetryConditions.Timeout, policy!.Conditions);
        Assert.True(policy.RetriesStatus(500));
        Assert.True(policy.RetriesStatus(599));
        Assert.False(policy.RetriesStatus(502));
        Assert.True(policy.RetriesMethod("PUT"));
        Assert.True(policy.RetriesMethod("delete"));
        Assert.False(policy.RetriesMethod("GET"));
    }

    [Theory]
    [InlineData(0, 25, "MaxRetries")]
    [InlineData(6, 25, "MaxRetries")]
    [InlineData(1, -1, "BackoffMilliseconds")]
    [InlineData(1, 10_001, "BackoffMilliseconds")]
    public void Compile_OutOfRange_Refused(int maxRetries, int backoff, string key)
    {
        var (policy, problems) = Compile(new RetryOptions { MaxRetries = maxRetries, BackoffMilliseconds = backoff });

        Assert.Null(policy);
        Assert.Equal($"Gateway:Clusters:legacy:Retries:{key}", Assert.Single(problems).Path);
    }

    [Theory]
    [InlineData(1, 12.5, 25)]
    [InlineData(2, 25, 50)]
    [InlineData(3, 50, 100)]
    public void DelayBefore_DoublesAndJittersDownByAtMostHalf(int retry, double minMs, double maxMs)
    {
        var (policy, _) = Compile(new RetryOptions { BackoffMilliseconds = 25 });

        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(policy!.DelayBefore(retry).TotalMilliseconds, minMs, maxMs);
        }
    }

    [Fact]
    public void DelayBefore_ZeroBackoff_NoWait()
    {
        var (policy, _) = Compile(new RetryOptions { BackoffMilliseconds = 0 });

        Assert.Equal(TimeSpan.Zero, policy!.DelayBefore(3));
    }

    private static (RetryPolicy? Policy, List<ConfigProblem> Problems) Compile(RetryOptions retries)
    {
        var options = new GatewayOptions();
        // The configured policy alone: closed-connection retries are tested above.
        options.Clusters["legacy"] = new ClusterOptions { Retries = retries, RetryClosedConnections = false };
        var problems = new List<ConfigProblem>();
        var policies = RetryPolicyCompiler.Compile(options, s_clusters, problems);
        return (policies.GetValueOrDefault("legacy"), problems);
    }
}
