using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Files an audit found mishandled, through the real validate command, startup and hot reload: a malformed JWK
/// (crashed them), a UTF-8 BOM (refused), a string where YARP wants an array or a misspelt YARP key (ignored), a
/// StatusMap answering an error with a success, a password in a destination URL (logged), a YARP value of the
/// wrong type (refused without its path), a Kestrel or Serilog value the host cannot take (crashed validate and
/// startup with a stack trace, or passed validate).
/// </summary>
public sealed class ConfigFileCheckTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Config = """
    {
      "Gateway": { "Routes": { "api": { } } },
      "ReverseProxy": {
        "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}", "Methods": [ "GET" ] } } },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private const string Secret = "SUPERSECRETPW";

    private const string MalformedJwk = """
        "Gateway": { "Authentication": { "Jwt": { "Issuer": "i", "Audiences": [ "a" ], "Algorithms": [ "HS256" ],
          "SigningKeys": { "h": { "Jwk": { "kty": "oct", "k": "a" } } } } },
        """;

    private const string BadKestrelLimit = "\"Kestrel\": { \"Limits\": { \"MaxRequestBodySize\": \"abc\" } },";
    private const string BadSerilogLevel = "\"Serilog\": { \"MinimumLevel\": { \"Default\": \"Loud\" } },";
    private const string BadEndpoint = "\"Kestrel\": { \"Endpoints\": { \"web\": { \"Url\": \"not a url\" } } },";

    private readonly ScratchDirectory _scratch = new("gateway-config-check-");
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost? _gateway;

    public static TheoryData<string, string, string> BadEdits => new()
    {
        { "\"Gateway\": {", MalformedJwk, "Gateway:Authentication:Jwt:SigningKeys:h: Jwk member 'k' is not base64url" },
        { "\"Gateway\": {", "\"Gateway\": { \"Authentication\": { \"Jwt\": { \"Issuer\": \"i\", \"Audiences\": [ \"a\" ], \"SigningKeys\": { \"h\": { \"Jwk\": { \"kty\": \"RSA\", \"n\": \"%%%\", \"e\": \"AQAB\" } } } } },", "Gateway:Authentication:Jwt:SigningKeys:h: Jwk member 'n' is not base64url" },
        { "\"Methods\": [ \"GET\" ]", "\"Methods\": \"GET\"", "ReverseProxy:Routes:api:Match:Methods: must be an array" },
        { "\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"Timout\": \"00:00:05\",", "ReverseProxy:Routes:api:Timout: is not a YARP setting" },
        { "\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"Timeout\": \"10s\",", "ReverseProxy:Routes:api:Timeout: '10s' is not a valid time span" },
        { "\"api\": { } }", "\"api\": { \"StatusMap\": { \"404\": 200 } } }", "Gateway:Routes:api:StatusMap:404: 200 is not a status" },
        { "\"Address\": \"{UPSTREAM}\"", $"\"Address\": \"ftp://svc:{Secret}@127.0.0.1:19101/\"", "ReverseProxy:Clusters:legacy:Destinations:d1:Address: 'ftp://***@127.0.0.1:19101/'" },
        // Startup-only settings the host binds while it is built: an unhandled exception (exit 134) before, or "ok".
        { "\"Gateway\": {", $"{BadKestrelLimit} \"Gateway\": {{", "Kestrel:Limits:MaxRequestBodySize: 'abc' is not a valid value" },
        { "\"Gateway\": {", $"{BadSerilogLevel} \"Gateway\": {{", "Serilog:MinimumLevel:Default: 'Loud' is not a Serilog level" },
        { "\"Gateway\": {", $"{BadEndpoint} \"Gateway\": {{", "Kestrel:Endpoints:web:Url: 'not a url' is not an address Kestrel can listen on" },
    };

    public static TheoryData<string, string> BadStartupSettings => new()
    {
        { BadKestrelLimit, "Kestrel:Limits:MaxRequestBodySize: 'abc' is not a valid value" },
        { BadSerilogLevel, "Serilog:MinimumLevel:Default: 'Loud' is not a Serilog level" },
    };

    public async Task InitializeAsync() =>
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        await _upstream.DisposeAsync();
    }

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task Validate_BadFile_OneLineWithThePath_ExitCodeOne_NoSecret(string find, string replace, string expected)
    {
        var path = Write(Edit(find, replace));

        using var process = GatewayProcess.Start(["validate", path]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var all = process.AllOutput;
        output.WriteLine(all);
        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"{path}: error: {expected}", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedJwk_StopsWithThePath_ExitCodeOne()
    {
        var path = Write(Edit("\"Gateway\": {", MalformedJwk));

        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{GatewayProcess.FreePort()}"]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Gateway:Authentication:Jwt:SigningKeys:h: Jwk member 'k' is not base64url", process.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", process.AllOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadStartupSettings))]
    public async Task Start_BadStartupOnlySetting_StopsWithThePath_ExitCodeOne(string setting, string expected)
    {
        var path = Write(Edit("\"Gateway\": {", $"{setting} \"Gateway\": {{"));

        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{GatewayProcess.FreePort()}"]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        output.WriteLine(process.AllOutput);
        Assert.Equal(1, process.ExitCode);
        Assert.Contains(expected, process.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", process.AllOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task Reload_BadEdit_RefusedWithThePath_NoSecret_OldConfigServes(string find, string replace, string expected)
    {
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);

        await _gateway.WriteConfigAsync(Edit(find, replace), _upstream.Address);

        await GatewayHost.EventuallyAsync(() => _gateway.Logs.Lines.Any(l => l.EventName is "ConfigRejected" or "ReloadFailed"), "a refusal");
        var refusal = Assert.Single(_gateway.Logs.Lines, l => l.EventName is "ConfigRejected" or "ReloadFailed");
        Assert.Equal("ConfigRejected", refusal.EventName);
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_gateway.Logs.Lines, l => l.Message.Contains(Secret, StringComparison.Ordinal));
        Assert.Equal(1, _gateway.Store.Current.Generation);
        using var response = await _gateway.Client.GetAsync("/api/ping");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Utf8Bom_AcceptedByValidateStartupAndReload()
    {
        var bom = Encoding.UTF8.GetPreamble();
        var path = Path.Combine(_scratch.Path, "bom.json");
        await File.WriteAllBytesAsync(path, [.. bom, .. Encoding.UTF8.GetBytes(Config.Replace("{UPSTREAM}", _upstream.Address, StringComparison.Ordinal))]);
        using (var process = GatewayProcess.Start(["validate", path]))
        {
            Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal(0, process.ExitCode);
        }

        _gateway = await GatewayHost.StartOnFileAsync(path, Directory.CreateTempSubdirectory("gateway-test-").FullName, output);
        var edited = Config.Replace("\"Methods\": [ \"GET\" ]", "\"Methods\": [ \"GET\", \"DELETE\" ]", StringComparison.Ordinal);
        await File.WriteAllBytesAsync(path, [.. bom, .. Encoding.UTF8.GetBytes(edited.Replace("{UPSTREAM}", _upstream.Address, StringComparison.Ordinal))]);

        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Generation == 2 || _gateway.Store.LastRejection.Count > 0, "the edit handled");
        Assert.Empty(_gateway.Store.LastRejection);
    }

    private static string Edit(string find, string replace)
    {
        var edited = Config.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Config, edited);
        return edited;
    }

    private string Write(string content)
    {
        var path = Path.Combine(_scratch.Path, "gateway.json");
        File.WriteAllText(path, content.Replace("{UPSTREAM}", "http://127.0.0.1:5080/", StringComparison.Ordinal));
        return path;
    }
}
