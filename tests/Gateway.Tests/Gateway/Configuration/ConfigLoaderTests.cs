using System.Text;
using Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Tests.Gateway.Configuration;

/// <summary>The whole-file check that validate, startup and hot reload share, on files as an operator writes them.</summary>
public sealed class ConfigLoaderTests
{
    private const string Good = """
    {
      "Gateway": { "Routes": { "api": { } } },
      "ReverseProxy": {
        "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}", "Methods": [ "GET" ] } } },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "http://127.0.0.1:5080/" } } } }
      }
    }
    """;

    [Fact]
    public async Task GoodFile_Loads()
    {
        var result = await LoadAsync(Good);
        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
    }

    [Fact]
    public async Task LeadingUtf8Bom_IsIgnored()
    {
        var result = await LoadAsync([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Good)]);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task BomAlone_IsAnEmptyFile()
    {
        var result = await LoadAsync([0xEF, 0xBB, 0xBF]);
        Assert.Equal("the file is empty", Assert.Single(result.Problems).Message);
    }

    [Theory]
    [InlineData("\"Methods\": [ \"GET\" ]", "\"Methods\": \"GET\"", "ReverseProxy:Routes:api:Match:Methods: must be an array")]
    [InlineData("\"Methods\": [ \"GET\" ]", "\"Hosts\": \"a.example\"", "ReverseProxy:Routes:api:Match:Hosts: must be an array")]
    [InlineData("\"Methods\": [ \"GET\" ]", "\"Methods\": { \"a\": \"GET\" }", "ReverseProxy:Routes:api:Match:Methods: must be an array")]
    [InlineData("\"Methods\": [ \"GET\" ]", "\"QueryParameters\": { \"Name\": \"q\" }", "ReverseProxy:Routes:api:Match:QueryParameters: must be an array")]
    [InlineData("\"Methods\": [ \"GET\" ]", "\"Headers\": [ { \"Name\": \"X\", \"Values\": \"a\" } ]", "ReverseProxy:Routes:api:Match:Headers:0:Values: must be an array")]
    [InlineData("\"Methods\": [ \"GET\" ]", "\"Headers\": [ { \"Name\": \"X\", \"Valeus\": [ \"a\" ] } ]", "ReverseProxy:Routes:api:Match:Headers:0:Valeus: is not a YARP setting")]
    [InlineData("\"Methods\": [ \"GET\" ]", "\"Method\": [ \"GET\" ]", "ReverseProxy:Routes:api:Match:Method: is not a YARP setting")]
    [InlineData("\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"RateLimiterPolcy\": \"x\",", "ReverseProxy:Routes:api:RateLimiterPolcy: is not a YARP setting")]
    [InlineData("\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"Timout\": \"00:00:05\",", "ReverseProxy:Routes:api:Timout: is not a YARP setting")]
    [InlineData("\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"RouteId\": \"api\",", "ReverseProxy:Routes:api:RouteId: is not a YARP setting")]
    [InlineData("\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"Transforms\": { \"PathPrefix\": \"/x\" },", "ReverseProxy:Routes:api:Transforms: must be an array")]
    [InlineData("\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"Transforms\": [ \"PathPrefix\" ],", "ReverseProxy:Routes:api:Transforms:0: must be an object")]
    [InlineData("\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"Transforms\": [ { \"PathPrefix\": [ \"/x\" ] } ],", "ReverseProxy:Routes:api:Transforms:0:PathPrefix: must be a single value")]
    [InlineData("\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"Metadata\": { \"a\": { \"b\": \"c\" } },", "ReverseProxy:Routes:api:Metadata:a: must be a single value")]
    [InlineData("\"ClusterId\": \"legacy\",", "\"ClusterId\": \"legacy\", \"Match\": \"/api\",", "ReverseProxy:Routes:api:Match")]
    [InlineData("\"legacy\": { \"Destinations\"", "\"legacy\": { \"LoadBalancingPolicyy\": \"First\", \"Destinations\"", "ReverseProxy:Clusters:legacy:LoadBalancingPolicyy: is not a YARP setting")]
    [InlineData("\"Address\": \"http://127.0.0.1:5080/\"", "\"Adress\": \"http://127.0.0.1:5080/\"", "ReverseProxy:Clusters:legacy:Destinations:d1:Adress: is not a YARP setting")]
    [InlineData("\"legacy\": { \"Destinations\"", "\"legacy\": { \"HealthCheck\": { \"Active\": { \"Enabled\": true, \"Intervall\": \"00:00:10\" } }, \"Destinations\"", "ReverseProxy:Clusters:legacy:HealthCheck:Active:Intervall: is not a YARP setting")]
    [InlineData("\"legacy\": { \"Destinations\"", "\"legacy\": { \"HttpClient\": { \"MaxConnectionPerServer\": 5 }, \"Destinations\"", "ReverseProxy:Clusters:legacy:HttpClient:MaxConnectionPerServer: is not a YARP setting")]
    [InlineData("\"legacy\": { \"Destinations\"", "\"legacy\": { \"HttpClient\": { \"SslProtocols\": \"Tls13\" }, \"Destinations\"", "ReverseProxy:Clusters:legacy:HttpClient:SslProtocols: must be an array")]
    [InlineData("\"legacy\": { \"Destinations\"", "\"legacy\": { \"HttpRequest\": { \"ActivityTimeOut\": \"00:00:10\", \"Timeout\": \"00:00:10\" }, \"Destinations\"", "ReverseProxy:Clusters:legacy:HttpRequest:Timeout: is not a YARP setting")]
    [InlineData("\"legacy\": { \"Destinations\"", "\"legacy\": { \"SessionAffinity\": { \"Enabled\": true, \"Cookie\": { \"Secure\": \"Always\" } }, \"Destinations\"", "ReverseProxy:Clusters:legacy:SessionAffinity:Cookie:Secure: is not a YARP setting")]
    [InlineData("\"Clusters\": {", "\"Cluster\": { }, \"Clusters\": {", "ReverseProxy:Cluster: is not a YARP setting")]
    public async Task ProxySectionTypoOrWrongShape_IsAProblemWithItsPath(string find, string replace, string expected)
    {
        var bad = Good.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Good, bad);

        var result = await LoadAsync(bad);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"ClusterId\": \"legacy\",", "\"clusterid\": \"legacy\", \"Order\": 1, \"TimeoutPolicy\": \"Disable\", \"Metadata\": { \"Any-Key\": \"v\" },")]
    [InlineData("\"legacy\": { \"Destinations\"", "\"legacy\": { \"HealthCheck\": { \"Active\": { \"Enabled\": true, \"Query\": \"?a=1\" }, \"AvailableDestinationsPolicy\": \"HealthyAndUnknown\" }, \"HttpClient\": { \"SslProtocols\": [ \"Tls12\", \"Tls13\" ], \"WebProxy\": { \"Address\": \"http://proxy:8080\" } }, \"HttpRequest\": { \"ActivityTimeout\": \"00:00:10\", \"Version\": \"2\" }, \"Metadata\": { \"k\": \"v\" }, \"Destinations\"")]
    [InlineData("\"Methods\": [ \"GET\" ]", "\"Methods\": [ ], \"Headers\": [ { \"Name\": \"X\", \"Values\": [ \"a\" ], \"Mode\": \"ExactHeader\", \"IsCaseSensitive\": true } ], \"QueryParameters\": [ { \"Name\": \"q\", \"Values\": [ \"1\" ], \"Mode\": \"Exact\" } ]")]
    public async Task ProxySectionWithEveryKindOfYarpSetting_Loads(string find, string replace)
    {
        var good = Good.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Good, good);

        var result = await LoadAsync(good);

        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("\"404\": 200", "404: 200 is not a status")]
    [InlineData("\"404\": 302", "404: 302 is not a status")]
    [InlineData("\"500\": 204", "500: 204 is not a status")]
    [InlineData("\"200\": 500", "200: 500 is not a status")]
    [InlineData("\"200\": 404", "200: 404 is not a status")]
    [InlineData("\"200\": 304", "200: 304 is not a status")]
    [InlineData("\"302\": 200", "302: 200 is not a status")]
    [InlineData("\"100\": 200", "100: informational statuses")]
    [InlineData("\"418\": 502", "418: 502 is not a status the EdFi profile allows")]
    [InlineData("\"305\": 502", "305: 502 is not a status the EdFi profile allows for a 3xx answer (300-399, or an error: 400, 401")]
    [InlineData("\"304\": 500", "304: 500 is not a status the EdFi profile allows for a 3xx answer (300-399)")]
    public async Task StatusMapTargetOutsideItsClass_IsRefused(string entry, string expected)
    {
        var result = await LoadAsync(Good.Replace("\"api\": { }", $"\"api\": {{ \"StatusMap\": {{ {entry} }} }}", StringComparison.Ordinal));

        Assert.Contains(result.Problems, p => p.ToString().StartsWith($"Gateway:Routes:api:StatusMap:{expected}", StringComparison.Ordinal));
    }

    // README: a 3xx that is no redirect takes the route's StatusMap entry when it names an error.
    [Theory]
    [InlineData("\"305\": 500")]
    [InlineData("\"302\": 401")]
    [InlineData("\"399\": 409")]
    public async Task StatusMapRedirectToAnAllowedError_IsAccepted(string entry)
    {
        var result = await LoadAsync(Good.Replace("\"api\": { }", $"\"api\": {{ \"StatusMap\": {{ {entry} }} }}", StringComparison.Ordinal));

        Assert.Empty(result.Problems);
    }

    // "0418" is 418 again: the second key was refused nowhere and the compiled map threw (validate and startup died
    // with a stack trace). A value that is no number is named with its path, not only as "binding has failed".
    [Theory]
    [InlineData("\"418\": 409, \"0418\": 400", "Gateway:Routes:api:StatusMap:0418: the key must be an HTTP status code")]
    [InlineData("\"418\": \"abc\"", "Gateway:Routes:api:StatusMap:418: 'abc' is not a valid whole number")]
    public async Task StatusMapKeyOrValueUnreadable_IsRefusedWithItsPath(string entry, string expected)
    {
        var result = await LoadAsync(Good.Replace("\"api\": { }", $"\"api\": {{ \"StatusMap\": {{ {entry} }} }}", StringComparison.Ordinal));

        Assert.Contains(result.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"418\": 400")]
    [InlineData("\"404\": 500")]
    [InlineData("\"502\": 404")]
    [InlineData("\"202\": 200")]
    [InlineData("\"200\": 204")]
    [InlineData("\"302\": 303")]
    public async Task StatusMapWithinItsClass_Loads(string entry)
    {
        var result = await LoadAsync(Good.Replace("\"api\": { }", $"\"api\": {{ \"StatusMap\": {{ {entry} }} }}", StringComparison.Ordinal));
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("ftp://svc:SUPERSECRETPW@127.0.0.1:19101/", "SUPERSECRETPW")]
    [InlineData("ftp://TOKENASUSER@127.0.0.1/", "TOKENASUSER")]
    [InlineData("svc:SUPERSECRETPW@127.0.0.1:19101", "SUPERSECRETPW")]
    [InlineData("http://u:pa/ss@host:1/", "pa/ss")]
    [InlineData("file:///x?password=SUPERSECRETPW&a=1", "SUPERSECRETPW")]
    [InlineData("gopher://h/?api_key=SUPERSECRETPW", "SUPERSECRETPW")]
    [InlineData("not a url token=SUPERSECRETPW", "SUPERSECRETPW")]
    public async Task CredentialInAQuotedValue_IsHiddenFromTheMessage(string address, string secret)
    {
        var result = await LoadAsync(Good.Replace("http://127.0.0.1:5080/", address, StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("ReverseProxy:Clusters:legacy:Destinations:d1:Address: '", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"kty\":\"oct\",\"k\":\"a\"}", "HS256", "'k' is not base64url")]
    [InlineData("{\"kty\":\"RSA\",\"n\":\"%%%\",\"e\":\"AQAB\"}", "RS256", "'n' is not base64url")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"%%%\",\"y\":\"AQAB\"}", "ES256", "'x' is not base64url")]
    public async Task MalformedJwk_IsAProblemWithItsPath(string jwk, string algorithm, string expected)
    {
        var config = Good.Replace(
            "\"Gateway\": {",
            $$"""
            "Gateway": { "Authentication": { "Jwt": { "Issuer": "i", "Audiences": [ "a" ], "Algorithms": [ "{{algorithm}}" ], "SigningKeys": { "h": { "Jwk": {{jwk}} } } } },
            """,
            StringComparison.Ordinal);

        var result = await LoadAsync(config);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Gateway:Authentication:Jwt:SigningKeys:h", problem.Path);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    // The binder names an unknown key only deep inside its exception, and never where it is: the problem does both.
    [Theory]
    [InlineData("\"api\": { }", "\"api\": { \"Rules\": [ { \"Path\": \"/success\", \"EqualTo\": \"false\", \"Status\": 404, \"Equals\": \"x\" } ] }", "Gateway:Routes:api:Rules:0:Equals")]
    [InlineData("\"api\": { }", "\"api\": { \"Profle\": \"EdFi\" }", "Gateway:Routes:api:Profle")]
    public async Task UnknownKeyInTheGatewaySection_ProblemNamesItsPath(string find, string replace, string path)
    {
        var result = await LoadAsync(Good.Replace(find, replace, StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(path[(path.LastIndexOf(':') + 1)..], problem.Message, StringComparison.Ordinal);
    }

    // Inside a list or map the binder's exception says only "'ErrorOnUnknownConfiguration' was set and binding has
    // failed": the problem names the key and the value, as for a top-level setting.
    [Theory]
    [InlineData("\"Rules\": [ { \"Path\": \"/success\", \"EqualTo\": \"false\", \"Status\": \"abc\" } ]", "Gateway:Routes:api:Rules:0:Status", "'abc' is not a valid whole number")]
    [InlineData("\"Rules\": [ { \"Path\": \"/success\", \"Exists\": \"yes\", \"Status\": 404 } ]", "Gateway:Routes:api:Rules:0:Exists", "'yes' is not a valid boolean")]
    [InlineData("\"Rules\": [ { \"Path\": \"/success\", \"Status\": 404, \"WhenStatus\": [ \"ok\" ] } ]", "Gateway:Routes:api:Rules:0:WhenStatus:0", "'ok' is not a valid whole number")]
    [InlineData("\"StripDebugFields\": \"yes\"", "Gateway:Routes:api:StripDebugFields", "'yes' is not a valid boolean")]
    public async Task ValueOfTheWrongTypeInARoute_ProblemNamesItsPath(string settings, string path, string message)
    {
        var result = await LoadAsync(Good.Replace("\"api\": { }", "\"api\": { " + settings + " }", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    // An array where one value belongs binds as a string with a property '0'; another route's list has a '0' too.
    [Fact]
    public async Task ArrayForASingleValue_ProblemNamesThatSetting()
    {
        var result = await LoadAsync(Good.Replace(
            "\"api\": { }",
            "\"a\": { \"Rules\": [ { \"WhenStatus\": [ 400 ], \"Path\": \"/errors\", \"Status\": 404 } ] }, \"api\": { \"Rules\": [ { \"Path\": [ \"/success\" ], \"Status\": 404 } ] }",
            StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Gateway:Routes:api:Rules:0:Path", problem.Path);
        Assert.StartsWith("must be a single value", problem.Message, StringComparison.Ordinal);
    }

    private static Task<ConfigLoadResult> LoadAsync(string json) => LoadAsync(Encoding.UTF8.GetBytes(json));

    private static async Task<ConfigLoadResult> LoadAsync(byte[] bytes)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReverseProxy();
        await using var provider = services.BuildServiceProvider();
        var loader = new ConfigLoader(provider.GetRequiredService<IConfigValidator>());
        return await loader.LoadAsync(bytes, generation: 1, CancellationToken.None);
    }
}
