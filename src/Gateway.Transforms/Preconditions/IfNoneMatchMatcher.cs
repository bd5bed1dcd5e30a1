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
        var position = EntityTagSyntax.SkipSeparators(field, 0);
        if (position < field.Length && field[position] == '*')
        {
            return EntityTagSyntax.SkipSeparators(field, position + 1) == field.Length;
        }

        var matched = false;
        var any = false;
        while (position < field.Length)
        {
            if (!EntityTagSyntax.TryReadTag(field, ref position, out var opaque, out _))
            {
                return false;
            }

            any = true;
            matched |= field[opaque].SequenceEqual(opaqueTag);
            var next = EntityTagSyntax.SkipWhitespace(field, position);
            if (next < field.Length && field[next] != ',')
            {
                return false; // two tags must be separated by a comma
            }

            position = EntityTagSyntax.SkipSeparators(field, next);
        }

        return any && matched;
    }
}
