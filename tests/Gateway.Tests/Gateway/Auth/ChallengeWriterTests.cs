using System.Collections.Frozen;
using Gateway.Auth;
using Gateway.Auth.ApiKeys;
using Gateway.Auth.Authentication;
using Gateway.Auth.Jwt;
using Microsoft.AspNetCore.Authorization;

namespace Gateway.Tests.Gateway.Auth;

public sealed class ChallengeWriterTests
{
    private static readonly AuthSnapshot s_both = new()
    {
        Realm = "api",
        Jwt = new JwtSettings { Fingerprint = "", Audiences = [], Algorithms = [], SigningKeys = [], Claims = new([], [], []) },
        ApiKeys = new ApiKeySettings { Header = "X-Key", QueryParameter = "k", Table = new([]) },
        IdentityHeaders = IdentityHeaderNames.Default,
        Policies = FrozenDictionary<string, AuthorizationPolicy>.Empty,
        Routes = FrozenDictionary<string, RouteAuth>.Empty,
    };

    [Fact]
    public void NoCredentials_OneChallengePerMethod_NoErrorCode() =>
        Assert.Equal(["Bearer realm=\"api\"", "ApiKey realm=\"api\", header=\"X-Key\""], ChallengeWriter.ForUnauthenticated(s_both, null));

    [Fact]
    public void BadToken_ErrorOnTheBearerChallengeOnly()
    {
        var challenges = ChallengeWriter.ForUnauthenticated(s_both, CredentialFailure.BadToken("x") with { Description = "The access token expired" });

        Assert.Equal("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"", challenges[0]);
        Assert.Equal("ApiKey realm=\"api\", header=\"X-Key\"", challenges[1]);
    }

    [Fact]
    public void MalformedRequest_ErrorOnEveryChallenge()
    {
        var challenges = ChallengeWriter.ForUnauthenticated(s_both, CredentialFailure.Malformed(CredentialMethod.Request, "Send one credential per request", "x"));

        Assert.All(challenges, c => Assert.Contains("error=\"invalid_request\", error_description=\"Send one credential per request\"", c, StringComparison.Ordinal));
    }

    [Fact]
    public void InsufficientScope_ListsScopes() =>
        Assert.Equal(
            "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"d\", scope=\"a b\"",
            ChallengeWriter.ForInsufficientScope("api", "d", ["a", "b"]));
}
