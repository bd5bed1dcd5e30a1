namespace Gateway.Transforms.Preconditions;

/// <summary>Parses entity tags and lists of them, and compares tags (RFC 9110 §8.8.3).</summary>
internal static class EntityTagComparer
{
    /// <summary>RFC 9110 §8.8.3.2 strong comparison: neither tag is weak and the opaque tags are identical.</summary>
    public static bool StrongEquals(EntityTag a, EntityTag b) =>
        !a.IsWeak && !b.IsWeak && string.Equals(a.OpaqueTag, b.OpaqueTag, StringComparison.Ordinal);

    /// <summary>RFC 9110 §8.8.3.2 weak comparison: the opaque tags are identical, weak or not.</summary>
    public static bool WeakEquals(EntityTag a, EntityTag b) =>
        string.Equals(a.OpaqueTag, b.OpaqueTag, StringComparison.Ordinal);

    /// <summary>Parses one entity tag, e.g. an <c>ETag</c> response field. Surrounding whitespace is allowed.</summary>
    public static bool TryParse(string? value, out EntityTag tag)
    {
        tag = default;
        if (value is null)
        {
            return false;
        }

        var span = value.AsSpan();
        var position = EntityTagSyntax.SkipWhitespace(span, 0);
        if (!TryParseAt(value, ref position, out tag))
        {
            return false;
        }

        return EntityTagSyntax.SkipWhitespace(span, position) == span.Length;
    }

    /// <summary>
    /// Parses an <c>If-Match</c>/<c>If-None-Match</c> value: <c>*</c> or a comma-separated list of tags
    /// (RFC 9110 §5.6.1: empty list elements are ignored). Several field lines arrive joined with commas.
    /// </summary>
    public static EntityTagList ParseList(string? value)
    {
        if (value is null)
        {
            return EntityTagList.Invalid;
        }

        var span = value.AsSpan();
        var position = EntityTagSyntax.SkipSeparators(span, 0);
        if (position < span.Length && span[position] == '*')
        {
            // "*" stands alone: a star mixed with tags is not a valid field value.
            return EntityTagSyntax.SkipSeparators(span, position + 1) == span.Length ? EntityTagList.Any : EntityTagList.Invalid;
        }

        var tags = new List<EntityTag>(1);
        while (position < span.Length)
        {
            if (!TryParseAt(value, ref position, out var tag))
            {
                return EntityTagList.Invalid;
            }

            tags.Add(tag);
            var next = EntityTagSyntax.SkipWhitespace(span, position);
            if (next < span.Length && span[next] != ',')
            {
                return EntityTagList.Invalid; // two tags must be separated by a comma
            }

            position = EntityTagSyntax.SkipSeparators(span, next);
        }

        return tags.Count == 0 ? EntityTagList.Invalid : new EntityTagList(isAny: false, isValid: true, tags);
    }

    private static bool TryParseAt(string value, ref int position, out EntityTag tag)
    {
        var read = EntityTagSyntax.TryReadTag(value, ref position, out var opaque, out var weak);
        tag = read ? new EntityTag(value[opaque], weak) : default;
        return read;
    }
}
