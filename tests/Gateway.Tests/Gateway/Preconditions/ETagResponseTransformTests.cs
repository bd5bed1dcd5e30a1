using System.Collections.Frozen;
using System.Net;
using System.Text;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Preconditions;
using Gateway.Transforms.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Tests.Gateway.Preconditions;

/// <summary>The response transform on a hand-built context, without a server.</summary>
public sealed class ETagResponseTransformTests
{
    private const string Body = """{"id":1}""";

    [Fact]
    public async Task Generate_Get200_SetsStrongETag_WritesBodyItself()
    {
        var (context, http) = Build("GET", 200, Body);

        await Transform(ETagMode.Generate).ApplyAsync(context);

        Assert.True(context.SuppressResponseBody);
        Assert.StartsWith("\"", http.Response.Headers.ETag.ToString(), StringComparison.Ordinal);
        Assert.Equal(Body.Length, http.Response.ContentLength);
        Assert.Equal(Body, Written(http));
    }

    [Fact]
    public async Task Generate_IfNoneMatchMatches_304_NoBody_CachingHeadersKept()
    {
        var (first, firstHttp) = Build("GET", 200, Body);
        await Transform(ETagMode.Generate).ApplyAsync(first);
        var tag = firstHttp.Response.Headers.ETag.ToString();

        var (context, http) = Build("GET", 200, Body, ("If-None-Match", tag));
        await Transform(ETagMode.Generate).ApplyAsync(context);

        Assert.Equal(304, http.Response.StatusCode);
        Assert.Equal(tag, http.Response.Headers.ETag.ToString());
        Assert.Equal("max-age=60", http.Response.Headers.CacheControl.ToString());
        Assert.Equal("Accept", http.Response.Headers.Vary.ToString());
        Assert.False(http.Response.Headers.ContainsKey("Content-Type"));
        Assert.Null(http.Response.ContentLength);
        Assert.Equal(string.Empty, Written(http));
    }

    [Theory]
    [InlineData(ETagMode.Generate, 500)]
    [InlineData(ETagMode.Generate, 404)]
    [InlineData(ETagMode.Passthrough, 412)]
    public async Task ErrorStatus_Untouched(ETagMode mode, int status)
    {
        var (context, http) = Build("GET", status, Body, ("If-None-Match", "*"));

        await Transform(mode).ApplyAsync(context);

        Assert.False(context.SuppressResponseBody);
        Assert.Equal(status, http.Response.StatusCode);
        Assert.False(http.Response.Headers.ContainsKey("ETag"));
    }

    [Fact]
    public async Task Passthrough_UpstreamETagMatches_304WithoutReadingBody()
    {
        var (context, http) = Build("GET", 200, Body, ("If-None-Match", "\"u1\""));
        http.Response.Headers.ETag = "\"u1\"";

        await Transform(ETagMode.Passthrough).ApplyAsync(context);

        Assert.Equal(304, http.Response.StatusCode);
        Assert.True(context.SuppressResponseBody);
    }

    [Fact]
    public async Task Passthrough_NoConditions_NothingChanged()
    {
        var (context, http) = Build("GET", 200, Body);

        await Transform(ETagMode.Passthrough).ApplyAsync(context);

        Assert.False(context.SuppressResponseBody);
        Assert.False(http.Response.Headers.ContainsKey("ETag"));
    }

    [Fact]
    public async Task BodyReplacedByAnotherStep_StrongETagWeakened()
    {
        var (context, http) = Build("GET", 200, Body);
        http.Response.Headers.ETag = "\"u1\"";
        context.SuppressResponseBody = true;

        await Transform(ETagMode.Passthrough).ApplyAsync(context);

        Assert.Equal("W/\"u1\"", http.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Generate_PutResponse_NoETag()
    {
        // RFC 9110 §9.3.4: no validator on a PUT response unless the stored body is exactly the one sent.
        var (context, http) = Build("PUT", 200, Body);

        await Transform(ETagMode.Generate).ApplyAsync(context);

        Assert.False(context.SuppressResponseBody);
        Assert.False(http.Response.Headers.ContainsKey("ETag"));
    }

    [Fact]
    public async Task Off_ConditionsIgnored()
    {
        var (context, http) = Build("GET", 200, Body, ("If-None-Match", "*"));
        http.Response.Headers.ETag = "\"u1\"";

        await Transform(ETagMode.Off).ApplyAsync(context);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.False(context.SuppressResponseBody);
    }

    private static ETagResponseTransform Transform(ETagMode mode)
    {
        var store = new GatewaySnapshotAccessor
        {
            Current = new GatewaySnapshot
            {
                Generation = 1,
                Options = new GatewayOptions(),
                DefaultPolicy = new RoutePolicy { Profile = ErrorProfile.EdFi, ETags = ETagPolicy.Default with { Mode = mode } },
                RoutePolicies = FrozenDictionary<string, RoutePolicy>.Empty,
                Routes = [],
                Clusters = [],
                StrippedHeaders = FrozenSet<string>.Empty,
            },
        };
        return new ETagResponseTransform(store, new ErrorResponseWriter(store), new global::Gateway.Proxy.BufferBudget(store), "r", NullLogger.Instance);
    }

    private static (ResponseTransformContext Context, DefaultHttpContext Http) Build(
        string method, int status, string body, params (string Name, string Value)[] requestHeaders)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        foreach (var (name, value) in requestHeaders)
        {
            http.Request.Headers[name] = value;
        }

        http.Response.Body = new MemoryStream();
        http.Response.StatusCode = status;
        // As YARP leaves them: the upstream's headers already copied to the response.
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "max-age=60";
        http.Response.Headers.Vary = "Accept";
        var upstream = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return (new ResponseTransformContext { HttpContext = http, ProxyResponse = upstream }, http);
    }

    private static string Written(DefaultHttpContext http) => Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
}
