namespace Gateway.Transforms.Preconditions;

/// <summary>The parsed value of an <c>If-Match</c> or <c>If-None-Match</c> field: <c>*</c>, a list of tags, or invalid.</summary>
internal sealed class EntityTagList
{
    /// <summary>A field that could not be parsed; it matches no representation.</summary>
    public static readonly EntityTagList Invalid = new(isAny: false, isValid: false, []);

    /// <summary>The field value <c>*</c>.</summary>
    public static readonly EntityTagList Any = new(isAny: true, isValid: true, []);

    public EntityTagList(bool isAny, bool isValid, IReadOnlyList<EntityTag> tags)
    {
        IsAny = isAny;
        IsValid = isValid;
        Tags = tags;
    }

    /// <summary>True for <c>*</c>: any current representation matches.</summary>
    public bool IsAny { get; }

    /// <summary>False when the field was not a valid list; such a field matches nothing.</summary>
    public bool IsValid { get; }

    /// <summary>The listed tags (empty for <c>*</c> or when invalid).</summary>
    public IReadOnlyList<EntityTag> Tags { get; }

    /// <summary>
    /// Whether the list matches a resource's current tag. <c>*</c> matches any existing representation;
    /// otherwise a listed tag must equal <paramref name="current"/> by the given comparison.
    /// </summary>
    public bool Matches(bool exists, EntityTag? current, bool strong)
    {
        if (!IsValid || !exists)
        {
            return false;
        }

        if (IsAny)
        {
            return true;
        }

        if (current is not { } tag)
        {
            return false;
        }

        foreach (var candidate in Tags)
        {
            if (strong ? EntityTagComparer.StrongEquals(candidate, tag) : EntityTagComparer.WeakEquals(candidate, tag))
            {
                return true;
            }
        }

        return false;
    }
}
