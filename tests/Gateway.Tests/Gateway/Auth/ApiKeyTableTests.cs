using Gateway.Auth.ApiKeys;

namespace Gateway.Tests.Gateway.Auth;

public sealed class ApiKeyTableTests
{
    private static readonly ApiKeyTable s_table = new([Entry("alpha-key-123", "alpha"), Entry("beta-key-4567", "beta")]);

    [Theory]
    [InlineData("alpha-key-123", "alpha")]
    [InlineData("beta-key-4567", "beta")]
    public void Find_KnownKey_ReturnsItsEntry(string key, string clientId) =>
        Assert.Equal(clientId, s_table.Find(key)?.ClientId);

    [Theory]
    [InlineData("alpha-key-124")] // right length, last character off
    [InlineData("ALPHA-KEY-123")] // keys are case-sensitive
    [InlineData("alpha-key-123 ")]
    [InlineData("")]
    public void Find_OtherKey_ReturnsNull(string key) => Assert.Null(s_table.Find(key));

    [Fact]
    public void Find_OverlongKey_ReturnsNullWithoutHashing() =>
        Assert.Null(s_table.Find(new string('a', ApiKeyTable.MaxKeyLength + 1)));

    [Fact]
    public void Find_EntriesSharingAHashPrefix_FullHashDecides()
    {
        Assert.True(ApiKeyTable.TryParseHash(ApiKeyTable.HashOf("key"), out var real));
        var decoy = real[..8].Concat(new byte[24]).ToArray();
        var table = new ApiKeyTable([new ApiKeyEntry(decoy, "decoy", [], []), new ApiKeyEntry(real, "real", [], [])]);

        Assert.Equal("real", table.Find("key")?.ClientId);
        Assert.Null(new ApiKeyTable([new ApiKeyEntry(decoy, "decoy", [], [])]).Find("key"));
    }

    [Fact]
    public void HashOf_IsLowerHexSha256OfUtf8() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyTable.HashOf("abc"));

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", true)]
    [InlineData(" ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad ", true)]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", false)]
    [InlineData("za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", false)]
    [InlineData("abc", false)]
    [InlineData(null, false)]
    public void TryParseHash(string? text, bool valid)
    {
        Assert.Equal(valid, ApiKeyTable.TryParseHash(text, out var hash));
        Assert.Equal(valid ? 32 : 0, hash.Length);
    }

    [Fact]
    public void Entry_Identity_CarriesGatewayClaims()
    {
        var entry = new ApiKeyEntry(new byte[32], "client-1", ["a:read", "b:write"], ["ops"]);

        Assert.True(entry.Identity.IsAuthenticated);
        Assert.Equal("ApiKey", entry.Identity.AuthenticationType);
        Assert.Equal("client-1", entry.Identity.FindFirst("sub")?.Value);
        Assert.Equal("client-1", entry.Identity.FindFirst("client_id")?.Value);
        Assert.Equal(["a:read", "b:write"], entry.Identity.FindAll("scope").Select(c => c.Value));
        Assert.Equal("ops", entry.Identity.FindFirst("role")?.Value);
    }

    private static ApiKeyEntry Entry(string key, string clientId)
    {
        Assert.True(ApiKeyTable.TryParseHash(ApiKeyTable.HashOf(key), out var hash));
        return new ApiKeyEntry(hash, clientId, [], []);
    }
}
