using System.Collections.Frozen;
using System.Net;
using Gateway.Proxy.Retry;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Tests.Gateway.Proxy.Retry;

public sealed class RetryGateTransformTests
{
    private static readonly RetryPolicy s_policy = new(
        1, RetryConditions.ConnectFailure, new[] { 503 }.ToFrozenSet(), new[] { "GET" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase), TimeSpan.Zero);

    [Fact]
    public async Task ApplyAsync_RetryableStatusWithRetryLeft_DiscardsWithoutRunningInner()
    {
        var inner = new RecordingTransform();
        var (context, attempt) = Context(HttpStatusCode.ServiceUnavailable, withAttempt: true);

        await new RetryGateTransform([inner]).ApplyAsync(context);

        Assert.True(context.SuppressResponseBody);
        Assert.False(inner.Ran);
        Assert.Equal(503, attempt!.DiscardedStatus);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, true, 1)]        // status not listed
    [InlineData(HttpStatusCode.ServiceUnavailable, false, 1)] // request not retryable (no feature)
    [InlineData(HttpStatusCode.ServiceUnavailable, true, 0)]  // no retry left: the last answer goes to the client
    [InlineData(HttpStatusCode.OK, true, 1)]
    public async Task ApplyAsync_OtherwiseRunsInnerTransforms(HttpStatusCode status, bool withAttempt, int retriesLeft)
    {
        var first = new RecordingTransform();
        var second = new RecordingTransform();
        var (context, attempt) = Context(status, withAttempt);
        if (attempt is not null)
        {
            attempt.RetriesLeft = retriesLeft;
        }

        await new RetryGateTransform([first, second]).ApplyAsync(context);

        Assert.False(context.SuppressResponseBody);
        Assert.True(first.Ran);
        Assert.True(second.Ran);
        Assert.True(first.Order < second.Order);
        Assert.Null(attempt?.DiscardedStatus);
    }

    [Fact]
    public void StartNextAttempt_ClearsDiscardAndSpendsARetry()
    {
        var attempt = new RetryAttemptFeature(s_policy with { MaxRetries = 2 });
        Assert.True(attempt.TryDiscard(503));

        attempt.StartNextAttempt();

        Assert.Null(attempt.DiscardedStatus);
        Assert.Equal(1, attempt.RetriesLeft);
    }

    private static (ResponseTransformContext, RetryAttemptFeature?) Context(HttpStatusCode status, bool withAttempt)
    {
        var http = new DefaultHttpContext();
        var attempt = withAttempt ? new RetryAttemptFeature(s_policy) : null;
        if (attempt is not null)
        {
            http.Features.Set(attempt);
        }

        return (new ResponseTransformContext { HttpContext = http, ProxyResponse = new HttpResponseMessage(status) }, attempt);
    }

    private sealed class RecordingTransform : ResponseTransform
    {
        private static int s_counter;

        public bool Ran { get; private set; }

        public int Order { get; private set; }

        public override ValueTask ApplyAsync(ResponseTransformContext context)
        {
            Ran = true;
            Order = Interlocked.Increment(ref s_counter);
            return ValueTask.CompletedTask;
        }
    }
}
