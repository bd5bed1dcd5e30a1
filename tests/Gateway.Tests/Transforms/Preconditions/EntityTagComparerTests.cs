using Gateway.Transforms.Preconditions;

namespace Gateway.Tests.Transforms.Preconditions;

public sealed class EntityTagComparerTests
{
    // RFC 9110 §8.8.3.2, the table of examples.
    [Theory]
    [InlineData("W/\"1\"", "W/\"1\"", false, true)]
    [InlineData("W/\"1\"", "W/\"2\"", false, false)]
    [InlineData("W/\"1\"", "\"1\"", false, true)]
    [InlineData("\"1\"", "\"1\"", true, true)]
    [InlineData("\"1\"", "\"2\"", false, false)]
    [InlineData("\"abc\"", "\"ABC\"", false, false)]
    public void Compare_Rfc9110Examples(string a, string b, bool strong, bool weak)
    {
        Assert.True(EntityTagComparer.TryParse(a, out var left));
        Assert.True(EntityTagComparer.TryParse(b, out var right));

        Assert.Equal(strong, EntityTagComparer.StrongEquals(left, right));
        Assert.Equal(strong, EntityTagComparer.StrongEquals(right, left));
        Assert.Equal(weak, EntityTagComparer.WeakEquals(left, right));
        Assert.Equal(weak, EntityTagComparer.WeakEquals(right, left));
    }

    [Theory]
    [InlineData("\"xyzzy\"", "\"xyzzy\"", false)]
    [InlineData("W/\"xyzzy\"", "\"xyzzy\"", true)]
    [InlineData("  \"a,b\"  ", "\"a,b\"", false)]
    [InlineData("\"\"", "\"\"", false)]
    public void TryParse_Valid_ReturnsTag(string value, string opaque, bool weak)
    {
        Assert.True(EntityTagComparer.TryParse(value, out var tag));
        Assert.Equal(opaque, tag.OpaqueTag);
        Assert.Equal(weak, tag.IsWeak);
    }

    [Theory]
    [InlineData("xyzzy")]
    [InlineData("\"open")]
    [InlineData("w/\"lower-w\"")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("\"a b\"")]
    [InlineData("*")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_ReturnsFalse(string? value) =>
        Assert.False(EntityTagComparer.TryParse(value, out _));

    [Theory]
    [InlineData("*", true, 0)]
    [InlineData(" * ", true, 0)]
    [InlineData("\"a\"", false, 1)]
    [InlineData("\"a\", W/\"b\",\"c\"", false, 3)]
    [InlineData("\"a\",,  ,\"b\"", false, 2)]
    [InlineData(",\"a\",", false, 1)]
    [InlineData("\"a,b\", \"c\"", false, 2)]
    public void ParseList_Valid(string value, bool any, int count)
    {
        var list = EntityTagComparer.ParseList(value);

        Assert.True(list.IsValid);
        Assert.Equal(any, list.IsAny);
        Assert.Equal(count, list.Tags.Count);
    }

    [Theory]
    [InlineData("*, \"a\"")]
    [InlineData("\"a\", *")]
    [InlineData("abc")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("\"a\", b")]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData(null)]
    public void ParseList_Invalid_MatchesNothing(string? value)
    {
        var list = EntityTagComparer.ParseList(value);

        Assert.False(list.IsValid);
        Assert.False(list.Matches(exists: true, new EntityTag("\"a\"", false), strong: false));
    }

    [Theory]
    [InlineData("*", true, null, true, true)]
    [InlineData("*", false, null, false, false)]
    [InlineData("\"a\"", true, "\"a\"", true, true)]
    [InlineData("W/\"a\"", true, "\"a\"", false, true)]
    [InlineData("\"a\"", true, "W/\"a\"", false, true)]
    [InlineData("\"x\", \"a\"", true, "\"a\"", true, true)]
    [InlineData("\"a\"", true, "\"b\"", false, false)]
    [InlineData("\"a\"", true, null, false, false)]
    [InlineData("\"a\"", false, null, false, false)]
    public void Matches_StrongAndWeak(string list, bool exists, string? current, bool strongMatch, bool weakMatch)
    {
        var parsed = EntityTagComparer.ParseList(list);
        EntityTag? tag = current is null ? null : Parse(current);

        Assert.Equal(strongMatch, parsed.Matches(exists, tag, strong: true));
        Assert.Equal(weakMatch, parsed.Matches(exists, tag, strong: false));
    }

    [FsCheck.Xunit.Property]
    public bool ParseList_FormattedTags_RoundTrip(FsCheck.NonEmptyString[] opaques, bool[] weak)
    {
        // Any list of well-formed tags, formatted with the field syntax, parses back to the same tags.
        var tags = opaques
            .Select((o, i) => new EntityTag("\"" + new string(o.Get.Where(c => c is > ' ' and < '\x7f' and not '"').ToArray()) + "\"", weak.Length > 0 && weak[i % weak.Length]))
            .ToList();
        if (tags.Count == 0)
        {
            return true;
        }

        var parsed = EntityTagComparer.ParseList(string.Join(" , ", tags.Select(t => t.ToString())));
        return parsed.IsValid && parsed.Tags.SequenceEqual(tags);
    }

    private static EntityTag Parse(string value)
    {
        Assert.True(EntityTagComparer.TryParse(value, out var tag));
        return tag;
    }
}
