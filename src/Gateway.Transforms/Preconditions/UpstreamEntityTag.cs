namespace Gateway.Transforms.Preconditions;

/// <summary>What an upstream's <c>ETag</c> field value turned out to be.</summary>
internal enum UpstreamTagForm
{
    /// <summary>A well-formed entity-tag: used as it is.</summary>
    Valid,

    /// <summary>An unquoted tag (<c>abc123</c>, <c>W/abc</c>): quoted, so clients and the evaluator can use it.</summary>
    Repaired,

    /// <summary>Not a tag at all (stray quotes, spaces, empty), or the empty tag <c>""</c>, which servers without a
    /// version at hand send for every representation (a client would get 304 for changed content): removed.</summary>
    Invalid,
}

/// <summary>
/// Legacy servers often send <c>ETag: abc123</c> (hand-written PHP, old CMSs, some Java filters), which RFC 9110
/// §8.8.3 does not allow: clients drop it or echo it back unquoted, and no precondition could ever match. The
/// opaque characters are kept and the quotes added, as the upstream evidently meant one tag.
/// </summary>
internal static class UpstreamEntityTag
{
    public static UpstreamTagForm Inspect(string value, out string repaired)
    {
        repaired = value;
        var span = value.AsSpan().Trim(" \t");
        if (span is "\"\"" or "W/\"\"" or "w/\"\"")
        {
            return UpstreamTagForm.Invalid;
        }

        var position = 0;
        if (EntityTagSyntax.TryReadTag(span, ref position, out _, out _) && position == span.Length)
        {
            return UpstreamTagForm.Valid;
        }

        var weak = span.Length > 2 && span[0] is 'W' or 'w' && span[1] == '/';
        var opaque = weak ? span[2..] : span;
        if (opaque.IsEmpty)
        {
            return UpstreamTagForm.Invalid;
        }

        foreach (var c in opaque)
        {
            if (c < 0x21 || c == '"' || c == 0x7F || c > 0xFF)
            {
                return UpstreamTagForm.Invalid;
            }
        }

        repaired = weak ? $"W/\"{opaque}\"" : $"\"{opaque}\"";
        return UpstreamTagForm.Repaired;
    }
}
