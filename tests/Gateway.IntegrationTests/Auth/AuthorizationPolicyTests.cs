using Gateway.IntegrationTests.Infrastructure;

namespace Gateway.IntegrationTests.Auth;

/// <summary>Route policies: scopes, roles and claims; 403 payloads that name the missing permission; 404 to hide.</summary>
public sealed class AuthorizationPolicyTests(AuthGatewayFixture fixture) : IClassFixture<AuthGatewayFixture>
{
    private readonly FakeLegacyUpstream _upstream = fixture.Upstream;

    [Fact]
    public async Task MissingScope_ApiKey_403NamesTheScopeOnly()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/write/{marker}", apiKey: AuthConfigs.ReaderKey);

        var json = await Payload.ReadEdFiAsync(response, 403);
        var message = json.GetProperty("message").GetString()!;
        Assert.Equal("The credentials lack the scope this resource requires: students:write.", message);
        Assert.DoesNotContain("write'", message, StringComparison.Ordinal); // no policy name
        Assert.Empty(response.Headers.WwwAuthenticate);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task MissingScope_Bearer_403WithInsufficientScopeChallenge()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/write/{marker}", Jws.Sign(fixture.Rsa, Jws.Claims("students:read")));

        await Payload.ReadEdFiAsync(response, 403);
        Assert.Equal(
            "Bearer realm=\"gateway\", error=\"insufficient_scope\", error_description=\"The access token lacks a required scope\", scope=\"students:write\"",
            Assert.Single(AuthAssert.Challenges(response)));
        AuthAssert.NotForwarded(_upstream, marker);
    }

    // RFC 6750 §3: the challenge's scope is what a token needs for the resource; a client that asked for the missing
    // scope alone would get a token without the one it had. The payload names what is missing.
    [Fact]
    public async Task MissingOneOfTwoScopes_ChallengeNamesEveryRequiredScope()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/enroll/{marker}", Jws.Sign(fixture.Rsa, Jws.Claims("students:read")));

        var json = await Payload.ReadEdFiAsync(response, 403);
        Assert.Equal("The credentials lack the scope this resource requires: enrollments:write.", json.GetProperty("message").GetString());
        Assert.EndsWith(
            "error=\"insufficient_scope\", error_description=\"The access token lacks a required scope\", scope=\"students:read enrollments:write\"",
            Assert.Single(AuthAssert.Challenges(response)),
            StringComparison.Ordinal);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task GrantedScope_Passes()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/write/{marker}", Jws.Sign(fixture.Rsa, Jws.Claims("students:read students:write")));

        Assert.Equal(200, (int)response.StatusCode);
        AuthAssert.Forwarded(_upstream, marker);
    }

    [Fact]
    public async Task MissingRole_403DoesNotNameTheRole()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/admin/{marker}", apiKey: AuthConfigs.ReaderKey);

        var json = await Payload.ReadEdFiAsync(response, 403);
        Assert.Equal("The credentials lack a role this resource requires.", json.GetProperty("message").GetString());
        Assert.DoesNotContain("admin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AuthAssert.NotForwarded(_upstream, marker);
        Assert.Contains(fixture.Gateway.Logs.Lines, l => l.EventName == "Forbidden" && l.Message.Contains("none of the roles admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoleFromJwtRolesArray_Passes()
    {
        var claims = Jws.Claims();
        claims["roles"] = new[] { "auditor", "admin" };
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/admin/{marker}", Jws.Sign(fixture.Rsa, claims));

        Assert.Equal(200, (int)response.StatusCode);
        AuthAssert.Forwarded(_upstream, marker);
    }

    [Theory]
    [InlineData("district-1", 200)]
    [InlineData("district-2", 403)]
    [InlineData(null, 403)]
    public async Task ClaimPolicy(string? tenant, int expected)
    {
        var claims = Jws.Claims();
        if (tenant is not null)
        {
            claims["tenant"] = tenant;
        }

        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/tenant/{marker}", Jws.Sign(fixture.Rsa, claims));

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 403)
        {
            var json = await Payload.ReadEdFiAsync(response, 403);
            Assert.Equal("The credentials lack a claim this resource requires.", json.GetProperty("message").GetString());
            AuthAssert.NotForwarded(_upstream, marker);
        }
    }

    [Fact]
    public async Task HiddenRoute_Forbidden_LooksExactlyLikeAMissingRoute()
    {
        var marker = AuthGatewayFixture.Marker();
        using var hidden = await fixture.GetAsync($"/hidden/{marker}", apiKey: AuthConfigs.ReaderKey);
        using var missing = await fixture.GetAsync($"/nothing-here/{marker}", apiKey: AuthConfigs.ReaderKey);

        Assert.Equal(404, (int)hidden.StatusCode);
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await hidden.Content.ReadAsStringAsync());
        Assert.Equal(HeaderNames(missing), HeaderNames(hidden));
        AuthAssert.NotForwarded(_upstream, marker);
    }

    // A route whose profile is not the default one answers in its own: ProblemDetails has a body on every 4xx
    // (behaviour.md §1), the message is the generic "not found", nothing says forbidden.
    [Fact]
    public async Task HiddenProblemDetailsRoute_Forbidden_Problem404WithTheGenericMessage()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/hiddenpd/{marker}", apiKey: AuthConfigs.ReaderKey);

        var json = await Payload.ReadProblemAsync(response, 404);
        Assert.Equal("Not Found", json.GetProperty("title").GetString());
        Assert.Equal("The requested resource was not found.", json.GetProperty("detail").GetString());
        Assert.Empty(response.Headers.WwwAuthenticate);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task HiddenRoute_Allowed_Passes()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/hidden/{marker}", apiKey: AuthConfigs.WriterKey);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task ProblemDetailsRoute_Forbidden_ProblemPayload()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/v2/{marker}", apiKey: AuthConfigs.ReaderKey);

        var json = await Payload.ReadProblemAsync(response, 403);
        Assert.Equal("The credentials lack the scope this resource requires: students:write.", json.GetProperty("detail").GetString());
        Assert.Equal($"/v2/{marker}", json.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task ProblemDetailsRoute_NoCredentials_401ProblemPayload()
    {
        using var response = await fixture.GetAsync($"/v2/{AuthGatewayFixture.Marker()}");

        var json = await Payload.ReadProblemAsync(response, 401);
        Assert.Equal("Authentication is required to access this resource.", json.GetProperty("detail").GetString());
        Assert.Equal(2, AuthAssert.Challenges(response).Length);
    }

    [Fact]
    public async Task RouteWithoutPolicy_DefaultsToAuthenticated_WhenCredentialsAreConfigured()
    {
        var marker = AuthGatewayFixture.Marker();
        using var anonymous = await fixture.GetAsync($"/api/{marker}");
        await AuthAssert.EdFi401Async(anonymous);
        AuthAssert.NotForwarded(_upstream, marker);

        using var withKey = await fixture.GetAsync($"/api/{marker}", apiKey: AuthConfigs.ReaderKey);
        Assert.Equal(200, (int)withKey.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoints_StayAnonymous(string path)
    {
        using var response = await fixture.GetAsync(path);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_404_NotAChallenge()
    {
        using var response = await fixture.GetAsync("/nowhere");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Authorization_DroppedOnProtectedRoute_ForwardedWhereRouteSaysSo_AndOnAnonymousRoutes()
    {
        var token = Jws.Sign(fixture.Rsa, Jws.Claims());
        var read = AuthGatewayFixture.Marker();
        var forwarded = AuthGatewayFixture.Marker();
        var open = AuthGatewayFixture.Marker();
        using (var r1 = await fixture.GetAsync($"/read/{read}", token))
        using (var r2 = await fixture.GetAsync($"/fwd/{forwarded}", token))
        using (var r3 = await fixture.GetAsync($"/open/{open}", configure: r => r.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz")))
        {
            Assert.Equal(200, (int)r1.StatusCode);
            Assert.Equal(200, (int)r2.StatusCode);
            Assert.Equal(200, (int)r3.StatusCode);
        }

        Assert.False(AuthAssert.Forwarded(_upstream, read).Headers.ContainsKey("Authorization"));
        Assert.Equal("Bearer " + token, AuthAssert.Forwarded(_upstream, forwarded).Headers["Authorization"]);
        Assert.Equal("Basic dXNlcjpwYXNz", AuthAssert.Forwarded(_upstream, open).Headers["Authorization"]);
    }

    [Fact]
    public async Task AnonymousRoute_WithValidToken_ForwardsIdentity()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/open/{marker}", apiKey: AuthConfigs.ReaderKey);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("reader", AuthAssert.Forwarded(_upstream, marker).Headers["X-Client-Id"]);
    }

    [Fact]
    public async Task Rejections_AreMarkedInTheCompletionLogLine()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/write/{marker}", apiKey: AuthConfigs.ReaderKey);

        Assert.Equal(403, (int)response.StatusCode);
        await GatewayHost.EventuallyAsync(
            () => fixture.Gateway.Logs.Lines.Any(l => l.EventName == "RequestCompleted" && l.Message.Contains(marker, StringComparison.Ordinal)),
            "completion line");
        var line = fixture.Gateway.Logs.Lines.First(l => l.EventName == "RequestCompleted" && l.Message.Contains(marker, StringComparison.Ordinal));
        Assert.Contains("AuthRejected", line.Message, StringComparison.Ordinal);
        Assert.Contains("status=403", line.Message, StringComparison.Ordinal);
    }

    private static string[] HeaderNames(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key))
            .Where(h => h != "X-Correlation-Id" && h != "Date")
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}
