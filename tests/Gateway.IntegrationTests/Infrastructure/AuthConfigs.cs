using System.Text.Json.Nodes;
using Gateway.Auth.ApiKeys;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// Auth test configs. Routes (all to one upstream, prefixes removed): <c>/api</c> default policy (authenticated),
/// <c>/open</c> anonymous, <c>/read</c>, <c>/write</c>, <c>/enroll</c> (two scopes), <c>/admin</c> (role), <c>/tenant</c> (claim), <c>/hidden</c>
/// (write, 404 instead of 403), <c>/fwd</c> (read, Authorization forwarded), <c>/v2</c> (write, ProblemDetails).
/// </summary>
public static class AuthConfigs
{
    public const string ReaderKey = "reader-7Qf3kV9xLm2Pz8Rt4Wc6Yb1Nd5Hj0Gs";
    public const string WriterKey = "writer-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0K";

    /// <summary>JWT with static keys (PEM for RSA, JWK for EC) plus API keys.</summary>
    public static JsonObject StaticKeys(TestKey rsa, TestKey ec)
    {
        var jwk = new JsonObject();
        foreach (var (name, value) in ec.PublicJwk())
        {
            jwk[name] = value;
        }

        var config = Base();
        config["Gateway"]!["Authentication"]!["Jwt"] = new JsonObject
        {
            ["Issuer"] = Jws.Issuer,
            ["Audiences"] = new JsonArray(Jws.Audience),
            ["Algorithms"] = new JsonArray("RS256", "ES256"),
            ["ClockSkewSeconds"] = 30,
            ["SigningKeys"] = new JsonObject
            {
                [rsa.Kid] = new JsonObject { ["Pem"] = rsa.PublicPem },
                [ec.Kid] = new JsonObject { ["Jwk"] = jwk },
            },
        };
        return config;
    }

    /// <summary>JWT from an OIDC authority over plain HTTP (tests only), plus API keys.</summary>
    public static JsonObject Oidc(string authority, int refreshIntervalSeconds = 60)
    {
        var config = Base();
        config["Gateway"]!["Authentication"]!["Jwt"] = new JsonObject
        {
            ["Authority"] = authority,
            ["RequireHttpsMetadata"] = false,
            ["Audiences"] = new JsonArray(Jws.Audience),
            ["Algorithms"] = new JsonArray("RS256", "ES256"),
            ["RefreshIntervalSeconds"] = refreshIntervalSeconds,
        };
        return config;
    }

    public static string Text(JsonObject config) => config.ToJsonString();

    private static JsonObject Base() => new()
    {
        ["Gateway"] = new JsonObject
        {
            ["Authentication"] = new JsonObject
            {
                ["ApiKeys"] = new JsonObject
                {
                    ["Keys"] = new JsonObject
                    {
                        ["reader"] = new JsonObject { ["Sha256"] = ApiKeyTable.HashOf(ReaderKey), ["Scopes"] = new JsonArray("students:read") },
                        ["writer"] = new JsonObject
                        {
                            ["Sha256"] = ApiKeyTable.HashOf(WriterKey),
                            ["ClientId"] = "writer-app",
                            ["Scopes"] = new JsonArray("students:read", "students:write"),
                            ["Roles"] = new JsonArray("admin"),
                        },
                    },
                },
            },
            ["Authorization"] = new JsonObject
            {
                ["Policies"] = new JsonObject
                {
                    ["read"] = new JsonObject { ["Scopes"] = new JsonArray("students:read") },
                    ["write"] = new JsonObject { ["Scopes"] = new JsonArray("students:write") },
                    ["enroll"] = new JsonObject { ["Scopes"] = new JsonArray("students:read", "enrollments:write") },
                    ["admin"] = new JsonObject { ["Roles"] = new JsonArray("admin") },
                    ["tenant"] = new JsonObject { ["Claims"] = new JsonObject { ["tenant"] = new JsonArray("district-1") } },
                },
            },
            ["Routes"] = new JsonObject
            {
                ["v2"] = new JsonObject { ["Profile"] = "ProblemDetails" },
                ["hidden"] = new JsonObject { ["HideForbidden"] = true },
                ["hiddenpd"] = new JsonObject { ["HideForbidden"] = true, ["Profile"] = "ProblemDetails" },
                ["fwd"] = new JsonObject { ["ForwardAuthorization"] = true },
            },
        },
        ["ReverseProxy"] = new JsonObject
        {
            ["Routes"] = new JsonObject
            {
                ["api"] = new JsonObject { ["ClusterId"] = "legacy", ["Match"] = new JsonObject { ["Path"] = "/api/{**rest}" } },
                ["open"] = Route("open", "Anonymous"),
                ["read"] = Route("read", "read"),
                ["write"] = Route("write", "write"),
                ["enroll"] = Route("enroll", "enroll"),
                ["admin"] = Route("admin", "admin"),
                ["tenant"] = Route("tenant", "tenant"),
                ["hidden"] = Route("hidden", "write"),
                ["hiddenpd"] = Route("hiddenpd", "write"),
                ["fwd"] = Route("fwd", "read"),
                ["v2"] = Route("v2", "write"),
            },
            ["Clusters"] = new JsonObject
            {
                ["legacy"] = new JsonObject { ["Destinations"] = new JsonObject { ["d1"] = new JsonObject { ["Address"] = "{UPSTREAM}" } } },
            },
        },
    };

    public static JsonObject Route(string prefix, string? policy)
    {
        var route = new JsonObject
        {
            ["ClusterId"] = "legacy",
            ["Match"] = new JsonObject { ["Path"] = $"/{prefix}/{{**rest}}" },
            ["Transforms"] = new JsonArray(new JsonObject { ["PathRemovePrefix"] = $"/{prefix}" }),
        };
        if (policy is not null)
        {
            route["AuthorizationPolicy"] = policy;
        }

        return route;
    }
}
