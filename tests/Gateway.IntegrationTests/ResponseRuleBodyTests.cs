using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Rules and StripDebugFields on bodies legacy backends really send: Latin-1 bytes, lone surrogates, a BOM, deep nesting.</summary>
public sealed class ResponseRuleBodyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "MaxErrorBodyBytes": 65536,
        "Routes": {
          "rules": {
            "Profile": "ProblemDetails",
            "Rules": [ { "Path": "/success", "EqualTo": "false", "Status": 400, "MessagePath": "/error" } ],
            "StripDebugFields": true
          }
        }
      },
      "ReverseProxy": {
        "Routes": { "rules": { "ClusterId": "c", "Match": { "Path": "/api/{**rest}" } } },
        "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private static readonly byte[] s_bom = [0xEF, 0xBB, 0xBF];

    private static readonly Dictionary<string, byte[]> s_bodies = new()
    {
        ["latin1-false"] = [.. "{\"success\":false,\"error\":\""u8, 0xC9, .. "l"u8, 0xE8, .. "ve introuvable\"}"u8],
        ["surrogate-false"] = Encoding.UTF8.GetBytes("""{"success":false,"error":"\ud800 bad"}"""),
        ["latin1-trace"] = [.. "{\"name\":\""u8, 0xE9, .. "l"u8, 0xE8, .. "ve\",\"stackTrace\":\"at Foo.Bar() in C:\\\\src\\\\x.cs:line 4\"}"u8],
        ["surrogate-trace"] = Encoding.UTF8.GetBytes("""{"name":"\udc00x","stackTrace":"at Foo.Bar()"}"""),
        ["deep-trace"] = Encoding.UTF8.GetBytes("""{"stackTrace":"at Foo.Bar()","payload":""" + Nest(81) + "}"),
        ["deep-false"] = Encoding.UTF8.GetBytes("""{"success":false,"error":"deep","x":""" + Nest(80) + "}"),
        ["too-deep-trace"] = Encoding.UTF8.GetBytes("""{"stackTrace":"at Foo.Bar()","payload":""" + Nest(1200) + "}"),
        ["bom-false"] = [.. s_bom, .. """{"success":false,"error":"Student not found"}"""u8],
        ["bom-debug"] = [.. s_bom, .. """{"id":1,"debug":1}"""u8],
    };

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/{name}", async (string name, HttpContext c) =>
        {
            var bytes = s_bodies[name];
            c.Response.ContentType = "application/json";
            c.Response.ContentLength = bytes.Length;
            await c.Response.Body.WriteAsync(bytes);
        }));
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("latin1-false", "\uFFFDl\uFFFDve introuvable")]
    [InlineData("surrogate-false", "\uFFFD bad")]
    public async Task RuleMessage_InvalidText_ReadLeniently_RuleStillApplies(string name, string detail)
    {
        using var response = await _gateway.Client.GetAsync($"/api/{name}");

        var json = await Payload.ReadProblemAsync(response, 400);
        Assert.Equal(detail, json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("latin1-trace")]
    [InlineData("surrogate-trace")]
    public async Task DebugField_NextToInvalidText_IsDropped_RestKeptByteForByte(string name)
    {
        using var response = await _gateway.Client.GetAsync($"/api/{name}");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Foo.Bar", Encoding.Latin1.GetString(body), StringComparison.Ordinal);
        var original = s_bodies[name];
        Assert.Equal(original.AsSpan(0, original.AsSpan().IndexOf(",\"stackTrace\""u8)).ToArray().Concat("}"u8.ToArray()), body);
    }

    [Fact]
    public async Task DeepNesting_StillStripsAndMatches()
    {
        using var trace = await _gateway.Client.GetAsync("/api/deep-trace");
        Assert.Equal(HttpStatusCode.OK, trace.StatusCode);
        Assert.Equal("""{"payload":""" + Nest(81) + "}", await trace.Content.ReadAsStringAsync());

        using var rule = await _gateway.Client.GetAsync("/api/deep-false");
        var json = await Payload.ReadProblemAsync(rule, 400);
        Assert.Equal("deep", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NestingPastTheBound_NeverPassesTheTrace()
    {
        using var response = await _gateway.Client.GetAsync("/api/too-deep-trace");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("Foo.Bar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bom_IsSkipped_ForRulesAndDebugFields()
    {
        using var rule = await _gateway.Client.GetAsync("/api/bom-false");
        var json = await Payload.ReadProblemAsync(rule, 400);
        Assert.Equal("Student not found", json.GetProperty("detail").GetString());

        using var debug = await _gateway.Client.GetAsync("/api/bom-debug");
        Assert.Equal(HttpStatusCode.OK, debug.StatusCode);
        Assert.Equal("""{"id":1}"""u8.ToArray(), await debug.Content.ReadAsByteArrayAsync());
    }

    private static string Nest(int levels) => new string('[', levels) + "1" + new string(']', levels);
}
