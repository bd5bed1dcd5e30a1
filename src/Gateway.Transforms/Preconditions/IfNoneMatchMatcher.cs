namespace Gateway.Transforms.Preconditions;

/// <summary>
/// Weak comparison of an <c>If-None-Match</c> value with one known tag, without allocating: the same answer as
/// <see cref="EntityTagComparer.ParseList"/> followed by <see cref="EntityTagList.Matches"/> (weak) on an existing
/// resource, for the validator cache's hit path.
/// </summary>
internal static class IfNoneMatchMatcher
{
    /// <summary>
    /// True when <paramref name="field"/> is <c>*</c>, or a valid list (RFC 9110 §5.6.1, §8.8.3) one of whose tags has
    /// the opaque tag <paramref name="opaqueTag"/> (quotes included; RFC 9110 §8.8.3.2 weak comparison). An invalid
    /// list matches nothing, even when a valid element would have matched.
    /// </summary>
    public static bool MatchesWeak(ReadOnlySpan<char> field, ReadOnlySpan<char> opaqueTag)
    {
        var position = SkipSeparators(field, 0);
        if (position < field.Length && field[position] == '*')
        {
            return SkipSeparators(field, position + 1) == field.Length;
        }

        var matched = false;
        var any = false;
        while (position < field.Length)
        {
            if (!TryReadTag(field, ref position, out var opaque))
            {
                return false;
            }

            any = true;
            matched |= opaque.SequenceEqual(opaqueTag);
            var next = SkipWhitespace(field, position);
            if (next < field.Length && field[next] != ',')
            {
                return false; // two tags must be separated by a comma
            }

            position = SkipSeparators(field, next);
        }

        return any && matched;
    }

    // entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE ; etagc = %x21 / %x23-7E / obs-text
    private static bool TryReadTag(ReadOnlySpan<char> field, ref int position, out ReadOnlySpan<char> opaque)
    {
        opaque = default;
        var at = position;
        if (at + 1 < field.Length && field[at] == 'W' && field[at + 1] == '/')
        {
            at += 2;
        }

        if (at >= field.Length || field[at] != '"')
        {
            return false;
        }

        var open = at++;
        while (at < field.Length && field[at] != '"')
        {
            var c = field[at];
            if (c < 0x21 || c == 0x7F || c > 0xFF)
            {
                return false;
            }

            at++;
        }

        if (at >= field.Length)
        {
            return false; // no closing quote
        }

        at++;
        opaque = field[open..at];
        position = at;
        return true;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> span, int position)
    {
        while (position < span.Length && span[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    private static int SkipSeparators(ReadOnlySpan<char> span, int position)
    {
        while (position < span.Length && span[position] is ' ' or '\t' or ',')
        {
            position++;
        }

        return position;
    }
}
