namespace Gateway.Transforms.Preconditions;

/// <summary>The grammar of entity tags and their lists (RFC 9110 §8.8.3, §5.6.1), read from spans without allocating.</summary>
internal static class EntityTagSyntax
{
    /// <summary>
    /// Reads one <c>entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE</c> at <paramref name="position"/> (etagc = %x21 /
    /// %x23-7E / obs-text). On success <paramref name="opaque"/> is the quoted part and the position is past it; on
    /// failure the position is unchanged.
    /// </summary>
    public static bool TryReadTag(ReadOnlySpan<char> value, ref int position, out Range opaque, out bool weak)
    {
        opaque = default;
        weak = false;
        var at = position;
        if (at + 1 < value.Length && value[at] == 'W' && value[at + 1] == '/')
        {
            weak = true;
            at += 2;
        }

        if (at >= value.Length || value[at] != '"')
        {
            return false;
        }

        var open = at++;
        while (at < value.Length && value[at] != '"')
        {
            var c = value[at];
            if (c < 0x21 || c == 0x7F || c > 0xFF)
            {
                return false;
            }

            at++;
        }

        if (at >= value.Length)
        {
            return false; // no closing quote
        }

        at++;
        opaque = open..at;
        position = at;
        return true;
    }

    public static int SkipWhitespace(ReadOnlySpan<char> span, int position)
    {
        while (position < span.Length && span[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    /// <summary>Whitespace and commas: empty list elements are ignored.</summary>
    public static int SkipSeparators(ReadOnlySpan<char> span, int position)
    {
        while (position < span.Length && span[position] is ' ' or '\t' or ',')
        {
            position++;
        }

        return position;
    }
}
