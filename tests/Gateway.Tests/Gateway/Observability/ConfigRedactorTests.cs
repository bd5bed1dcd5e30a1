using System.Text.Json.Nodes;
using Gateway.Observability.Admin;

namespace Gateway.Tests.Gateway.Observability;

public sealed class ConfigRedactorTests
{
    [Theory]
    [InlineData("ClientSecret", true)]
    [InlineData("password", true)]
    [InlineData("DbPasswd", true)]
    [InlineData("ApiKey", true)]
    [InlineData("ApiKeys", true)]
    [InlineData("SigningKey", true)]
    [InlineData("AccessToken", true)]
    [InlineData("ConnectionString", true)]
    [InlineData("KeyHash", true)]
    [InlineData("CertificatePem", true)]
    [InlineData("Jwks", true)]
    [InlineData("Credentials", true)]
    [InlineData("Address", false)]
    [InlineData("Profile", false)]
    [InlineData("Timeout", false)]
    public void IsSecretName_Cases(string name, bool expected) => Assert.Equal(expected, ConfigRedactor.IsSecretName(name));

    [Theory]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080/")]
    [InlineData("plain words", "plain words")]
    [InlineData("http://user:hunter2@10.0.0.5:8080/", "http://[redacted]@10.0.0.5:8080/")]
    [InlineData("Server=db01;Database=Students;User Id=sa;Password=hunter2;", "[redacted]")]
    [InlineData("redis-cache:6379,password=hunter2,ssl=true", "[redacted]")]
    [InlineData("postgres://app:hunter2@db/students", "[redacted]")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc==", "[redacted]")]
    [InlineData("Bearer eyJhbGciOi", "[redacted]")]
    [InlineData("Basic dXNlcjpwYXNz", "[redacted]")]
    public void RedactValue_Cases(string value, string expected) => Assert.Equal(expected, ConfigRedactor.RedactValue(value));

    [Fact]
    public void Redact_SecretNamesLoseWholeValue_IdsAndOrdinarySettingsStay()
    {
        var tree = JsonNode.Parse("""
        {
          "Routes": { "api-keys": { "ClusterId": "c", "Metadata": { "ApiKey": "s1", "Owner": "team" } } },
          "Clusters": { "c": { "Destinations": { "token-service": { "Address": "http://u:s2@h/" } } } },
          "Auth": { "ApiKeys": [ { "Id": "a", "Hash": "s3" } ], "SigningKey": { "Value": "s4" }, "Issuer": "me", "ClientSecret": null },
          "List": [ "Server=x;Password=s5;", "ok" ]
        }
        """)!;

        var text = ConfigRedactor.Redact(tree)!.ToJsonString();

        for (var i = 1; i <= 5; i++)
        {
            Assert.DoesNotContain($"s{i}\"", text, StringComparison.Ordinal);
        }

        Assert.Equal("c", tree["Routes"]!["api-keys"]!["ClusterId"]!.GetValue<string>());
        Assert.Equal("team", tree["Routes"]!["api-keys"]!["Metadata"]!["Owner"]!.GetValue<string>());
        Assert.Equal("http://[redacted]@h/", tree["Clusters"]!["c"]!["Destinations"]!["token-service"]!["Address"]!.GetValue<string>());
        Assert.Equal("[redacted]", tree["Auth"]!["ApiKeys"]!.GetValue<string>());
        Assert.Equal("[redacted]", tree["Auth"]!["SigningKey"]!.GetValue<string>());
        Assert.Equal("me", tree["Auth"]!["Issuer"]!.GetValue<string>());
        Assert.Null(tree["Auth"]!["ClientSecret"]);
        Assert.Equal("ok", tree["List"]![1]!.GetValue<string>());
    }

    [Theory]
    [InlineData("RequestHeader", "Authorization", true)]
    [InlineData("RequestHeader", "X-Api-Key", true)]
    [InlineData("RequestHeader", "Cookie", true)]
    [InlineData("ResponseHeader", "Set-Cookie", true)]
    [InlineData("QueryValueParameter", "access_token", true)]
    [InlineData("RequestHeader", "X-Tenant", false)]
    public void Redact_HeaderTransformValues_FollowTheHeaderName(string field, string name, bool hidden)
    {
        var transform = new JsonObject { [field] = name, ["Set"] = "v1", ["Append"] = "v2" };

        ConfigRedactor.Redact(new JsonObject { ["Transforms"] = new JsonArray(transform) });

        Assert.Equal(name, transform[field]!.GetValue<string>());
        Assert.Equal(hidden ? "[redacted]" : "v1", transform["Set"]!.GetValue<string>());
        Assert.Equal(hidden ? "[redacted]" : "v2", transform["Append"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ReverseProxy:Clusters:c:Destinations:d:Address", "'Server=db;Password=hunter2;' is not an absolute http or https URL", "'[redacted]' is not an absolute http or https URL")]
    [InlineData("Gateway", "Failed to convert configuration value 'hunter2' at 'Gateway:Auth:ClientSecret' to type 'System.Int32'.",
        "Failed to convert configuration value '[redacted]' at 'Gateway:Auth:ClientSecret' to type '[redacted]'.")]
    [InlineData("ReverseProxy:Routes:r:ClusterId", "cluster 'missing' is not defined in ReverseProxy:Clusters", "cluster 'missing' is not defined in ReverseProxy:Clusters")]
    [InlineData("", "invalid JSON at line 3, byte 7", "invalid JSON at line 3, byte 7")]
    [InlineData("X", "unquoted Server=db;Password=hunter2; here", "[redacted]")]
    public void RedactMessage_Cases(string path, string message, string expected) =>
        Assert.Equal(expected, ConfigRedactor.RedactMessage(path, message));
}
