namespace Gateway.Transforms.Preconditions;

/// <summary>The precondition fields of a request (RFC 9110 §13.1), as received; null when absent.</summary>
/// <param name="IfMatch">The <c>If-Match</c> value (several field lines joined with commas).</param>
/// <param name="IfNoneMatch">The <c>If-None-Match</c> value.</param>
/// <param name="IfModifiedSince">The <c>If-Modified-Since</c> value.</param>
/// <param name="IfUnmodifiedSince">The <c>If-Unmodified-Since</c> value.</param>
internal readonly record struct ConditionalHeaders(string? IfMatch, string? IfNoneMatch, string? IfModifiedSince, string? IfUnmodifiedSince)
{
    /// <summary>True when any precondition field is present.</summary>
    public bool Any => IfMatch is not null || IfNoneMatch is not null || IfModifiedSince is not null || IfUnmodifiedSince is not null;

    /// <summary>True when a field that guards a state change is present (If-Modified-Since only applies to GET/HEAD).</summary>
    public bool AnyForUnsafeMethods => IfMatch is not null || IfNoneMatch is not null || IfUnmodifiedSince is not null;
}
