using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>A JSON body held for the syntax check counts against <c>MaxBufferedBytes</c> until its request is done:
/// without room the request is answered 503 (Ed-Fi: 500) with <c>Retry-After</c> and never forwarded unchecked.</summary>
public sealed class RequestBodyBudgetTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Budget = 1024 * 1024;

    private const string Config = """
    {
      "Kestrel": { "Limits": { "MaxRequestBodySize": 8388608 } },
      "Gateway": {
        "MaxBufferedBytes": 1048576,
        "MaxJsonRequestBodyBytes": 4194304,
        "Routes": { "checked": { "ValidateJsonRequestBody": true } }
      },
      "ReverseProxy": {
        "Routes": { "checked": { "ClusterId": "c", "Match": { "Path": "/api/{**rest}" } } },
        "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapPost("/api/students", async (HttpContext c) =>
            {
                await c.Request.Body.CopyToAsync(Stream.Null);
                return Results.Text("stored", "text/plain");
            });

            // Holds the request open (its buffer with it) until the test lets go.
            app.MapPost("/api/slow", async (HttpContext c) =>
            {
                await c.Request.Body.CopyToAsync(Stream.Null);
                await _release.Task;
                return Results.Text("stored", "text/plain");
            });
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyLargerThanTheBudget_503RetryAfter_NotForwarded(bool declaredLength)
    {
        using var response = await _gateway.Client.PostAsync("/api/students", Json(Budget + (256 * 1024), declaredLength));

        // Ed-Fi's nearest 5xx is 500; Retry-After says it is worth trying again.
        await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task BuffersOfFinishedRequests_AreGivenBack()
    {
        // Each body takes 60 % of the budget: the fourth passes only if the first three gave theirs back.
        for (var i = 0; i < 4; i++)
        {
            using var response = await _gateway.Client.PostAsync("/api/students", Json(Budget * 6 / 10, declaredLength: true));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(4, _upstream.Requests.Count);
    }

    [Fact]
    public async Task BufferIsHeldUntilTheRequestIsDone_ThenGivenBack()
    {
        var slow = _gateway.Client.PostAsync("/api/slow", Json(Budget * 6 / 10, declaredLength: true));
        await WaitUntilAsync(() => _upstream.Requests.Count == 1);

        using (var refused = await _gateway.Client.PostAsync("/api/students", Json(Budget * 6 / 10, declaredLength: true)))
        {
            await Payload.ReadEdFiAsync(refused, 500);
        }

        _release.SetResult();
        using (var first = await slow)
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var after = await _gateway.Client.PostAsync("/api/students", Json(Budget * 6 / 10, declaredLength: true));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    // Well-formed JSON of exactly the given size; chunked when its length is not declared.
    private static HttpContent Json(int size, bool declaredLength)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', size - 10) + "\"}");
        HttpContent content = declaredLength ? new ByteArrayContent(bytes) : new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
