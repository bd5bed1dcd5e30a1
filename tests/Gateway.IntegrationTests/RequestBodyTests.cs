using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Malformed JSON request bodies are refused before the legacy backend sees them; body limits answer in payload form.</summary>
public sealed class RequestBodyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Kestrel": { "Limits": { "MaxRequestBodySize": 65536 } },
      "Gateway": {
        "MaxJsonRequestBodyBytes": 2048,
        "Routes": { "checked": { "ValidateJsonRequestBody": true } }
      },
      "ReverseProxy": {
        "Routes": {
          "checked": { "ClusterId": "c", "Match": { "Path": "/api/{**rest}" } },
          "unchecked": { "ClusterId": "c", "Match": { "Path": "/raw/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/raw" } ] }
        },
        "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapPost("/api/students", async (HttpContext c) =>
            {
                using var reader = new StreamReader(c.Request.Body);
                return Results.Text("echo:" + await reader.ReadToEndAsync(), "text/plain");
            });
            app.MapPost("/api/uploads", async (HttpContext c) =>
            {
                using var bytes = new MemoryStream();
                await c.Request.Body.CopyToAsync(bytes);
                return Results.Text(Convert.ToHexString(bytes.ToArray()), "text/plain");
            });
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"firstName\":\"Ada\",}", "line 1, position 20")]
    [InlineData("{'firstName':'Ada'}", "line 1, position 2")]
    [InlineData("{\"a\":1}{", "line 1, position 8")]
    public async Task MalformedJson_400WithPosition_UpstreamSeesNothing(string body, string expected)
    {
        using var response = await _gateway.Client.PostAsync("/api/students", new StringContent(body, Encoding.UTF8, "application/json"));

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Contains(expected, json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task WellFormedJson_IsForwardedByteForByte()
    {
        const string body = """{"firstName":"Ada","lastName":"Lovelace"}""";

        using var response = await _gateway.Client.PostAsync("/api/students", new StringContent(body, Encoding.UTF8, "application/vnd.api+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo:" + body, await response.Content.ReadAsStringAsync());
    }

    // ASP.NET's JSON formatters parse text/json too: a malformed body under it would reach the backend's parser.
    [Fact]
    public async Task MalformedJson_UnderTextJson_400_UpstreamSeesNothing()
    {
        using var response = await _gateway.Client.PostAsync("/api/students", new StringContent("{\"a\":", Encoding.UTF8, "text/json"));

        await Payload.ReadEdFiAsync(response, 400);
        Assert.Empty(_upstream.Requests);
    }

    // Not valid media types, but JSON to a backend that looks for the type leniently (PHP's strpos, a parser stopping
    // at the first ';'); two Content-Type headers arrive joined with a comma.
    [Theory]
    [InlineData("application/json;;")]
    [InlineData("application/json, application/json")]
    [InlineData("text/plain, application/json")]
    public async Task MalformedJson_UnderALenientlyReadJsonType_400_UpstreamSeesNothing(string contentType)
    {
        using var content = new ByteArrayContent("{\"a\":"u8.ToArray());
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));

        using var response = await _gateway.Client.PostAsync("/api/students", content);

        await Payload.ReadEdFiAsync(response, 400);
        Assert.Empty(_upstream.Requests);
    }

    // RFC 8259 §8.1 lets a parser ignore a BOM and the backends do; .NET's Encoding.UTF8 and Windows PowerShell write one.
    [Fact]
    public async Task WellFormedJson_WithBom_IsForwardedByteForByte()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"firstName\":\"Ada\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _gateway.Client.PostAsync("/api/uploads", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Convert.ToHexString(body), await response.Content.ReadAsStringAsync());
    }

    // A client may compress its upload (RFC 9110 §8.4): the check reads the JSON inside, the upstream gets the bytes as sent.
    [Theory]
    [InlineData("gzip", "{\"firstName\":\"Ada\"}", 200)]
    [InlineData("gzip", "{\"firstName\":\"Ada\",}", 400)]
    [InlineData("br", "{'firstName':'Ada'}", 400)]
    public async Task CompressedJson_CheckedDecoded_ForwardedAsSent(string coding, string body, int expected)
    {
        var compressed = Compress(coding, Encoding.UTF8.GetBytes(body));
        using var content = new ByteArrayContent(compressed);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add(coding);

        using var response = await _gateway.Client.PostAsync("/api/uploads", content);

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 400)
        {
            var json = await Payload.ReadEdFiAsync(response, 400);
            Assert.Contains("position", json.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Empty(_upstream.Requests);
        }
        else
        {
            Assert.Equal(Convert.ToHexString(compressed), await response.Content.ReadAsStringAsync());
            Assert.Equal(coding, Assert.Single(_upstream.Requests).Headers["Content-Encoding"]);
        }
    }

    // A gzip stream cut after its header decodes to nothing (zlib ends quietly where its input ends): no JSON either way.
    [Theory]
    [InlineData("zstd", "Content-Encoding")]
    [InlineData("gzip", "empty")]
    public async Task UndecodableCompressedJson_Refused_UpstreamSeesNothing(string coding, string expected)
    {
        using var content = new ByteArrayContent([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add(coding);

        using var response = await _gateway.Client.PostAsync("/api/uploads", content);

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Contains(expected, json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_upstream.Requests);
    }

    // Decoded past MaxJsonRequestBodyBytes (2 KiB here), however small compressed: 413, mapped by the profile.
    [Fact]
    public async Task CompressedJson_DecodedPastTheBound_Refused()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("0", 4096)) + "]";
        using var content = new ByteArrayContent(Compress("gzip", Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await _gateway.Client.PostAsync("/api/students", content);

        await Payload.ReadEdFiAsync(response, 400);
        Assert.Empty(_upstream.Requests);
    }

    private static byte[] Compress(string coding, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream stream = coding == "br"
            ? new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.Fastest)
            : new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }

    [Fact]
    public async Task WellFormedChunkedJson_IsForwardedWithLength()
    {
        const string body = """{"firstName":"Ada"}""";
        using var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _gateway.Client.PostAsync("/api/students", content);

        Assert.Equal("echo:" + body, await response.Content.ReadAsStringAsync());
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), _upstream.Requests.Single().Headers["Content-Length"]);
    }

    [Theory]
    [InlineData(4096, true)]
    [InlineData(4096, false)]
    [InlineData(3000, false)] // chunked, under the first read's size but over the bound
    public async Task JsonOverTheCheckBound_IsRefusedInPayloadForm(int padding, bool declaredLength)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', padding) + "\"}");
        using HttpContent content = declaredLength ? new ByteArrayContent(bytes) : new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _gateway.Client.PostAsync("/api/students", content);

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("The request body is too large.", json.GetProperty("message").GetString());
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task RouteWithoutTheCheck_ForwardsMalformedJson()
    {
        using var response = await _gateway.Client.PostAsync("/raw/api/students", new StringContent("{oops", Encoding.UTF8, "application/json"));

        Assert.Equal("echo:{oops", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BodyOverKestrelLimit_OnUncheckedRoute_AnswersPayload()
    {
        var body = new string('x', 100_000);

        using var response = await _gateway.Client.PostAsync("/raw/api/students", new StringContent(body, Encoding.UTF8, "text/plain"));

        // Kestrel's 413 maps to Ed-Fi's 400, in payload form.
        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("The request body is too large.", json.GetProperty("message").GetString());
    }
}
