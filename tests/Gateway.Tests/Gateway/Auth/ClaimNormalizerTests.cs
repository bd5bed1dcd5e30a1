using System.Security.Claims;
using Gateway.Auth.Jwt;

namespace Gateway.Tests.Gateway.Auth;

public sealed class ClaimNormalizerTests
{
    private static readonly ClaimNormalizer s_default = new([], [], []);

    [Fact]
    public void SpaceSeparatedScope_SplitIntoOneClaimEach()
    {
        var identity = s_default.Normalize(Identity(("scope", "a  b c"), ("scp", "c d")));

        Assert.Equal(["a", "b", "c", "d"], Values(identity, "scope").Order());
    }

    [Fact]
    public void Roles_GatheredFromRolesAndRole()
    {
        var identity = s_default.Normalize(Identity(("roles", "admin"), ("roles", "ops"), ("role", "ops")));

        Assert.Equal(["admin", "ops"], Values(identity, "role").Order());
        Assert.Equal(["admin", "ops"], Values(identity, "roles").Order()); // originals stay for claim policies
    }

    [Theory]
    [InlineData("client_id", "azp", "from-client_id")]
    [InlineData("azp", "appid", "from-azp")]
    [InlineData("appid", "other", "from-appid")]
    public void ClientId_FirstConfiguredClaimWins(string first, string second, string expected)
    {
        var identity = s_default.Normalize(Identity((second, "from-" + second), (first, "from-" + first)));

        Assert.Equal(expected, Assert.Single(Values(identity, "client_id")));
    }

    [Fact]
    public void ConfiguredClaimNames_Replace_TheDefaults()
    {
        var normalizer = new ClaimNormalizer(["permissions"], ["groups"], ["cid"]);
        var identity = normalizer.Normalize(Identity(("permissions", "x y"), ("scope", "ignored"), ("groups", "g1"), ("cid", "c1"), ("client_id", "spoof")));

        Assert.Equal(["x", "y"], Values(identity, "scope").Order());
        Assert.Equal(["g1"], Values(identity, "role"));
        Assert.Equal(["c1"], Values(identity, "client_id"));
    }

    [Fact]
    public void Result_IsAuthenticatedBearerIdentity_NamedBySub()
    {
        var identity = s_default.Normalize(Identity(("sub", "user-1")));

        Assert.True(identity.IsAuthenticated);
        Assert.Equal("Bearer", identity.AuthenticationType);
        Assert.Equal("user-1", identity.Name);
    }

    private static ClaimsIdentity Identity(params (string Type, string Value)[] claims) =>
        new(claims.Select(c => new Claim(c.Type, c.Value)), "jwt");

    private static IEnumerable<string> Values(ClaimsIdentity identity, string type) => identity.FindAll(type).Select(c => c.Value);
}
