namespace Gateway.Transforms.Preconditions;

/// <summary>Evaluates preconditions in the order of RFC 9110 §13.2.2.</summary>
internal static class PreconditionEvaluator
{
    /// <summary>
    /// Steps: (1) If-Match, strong comparison, <c>*</c> meaning "exists"; else (2) If-Unmodified-Since; then
    /// (3) If-None-Match, weak comparison, false → 304 for GET/HEAD and 412 otherwise; else (4) If-Modified-Since
    /// for GET/HEAD. An unparsable If-Match matches nothing (fail closed: the write is refused); an unparsable
    /// If-None-Match matches nothing either (the full response is sent). Invalid dates are ignored (§13.1.3, §13.1.4).
    /// </summary>
    /// <param name="method">The request method.</param>
    /// <param name="headers">The request's precondition fields.</param>
    /// <param name="state">The current representation.</param>
    public static PreconditionOutcome Evaluate(string method, ConditionalHeaders headers, ResourceState state)
    {
        ArgumentNullException.ThrowIfNull(method);
        var isGetOrHead = IsGetOrHead(method);

        // Step 1 (§13.1.1).
        if (headers.IfMatch is not null)
        {
            if (!EntityTagComparer.ParseList(headers.IfMatch).Matches(state.Exists, state.ETag, strong: true))
            {
                return PreconditionOutcome.PreconditionFailed;
            }
        }
        // Step 2 (§13.1.4): only without If-Match, and only when a modification date is known.
        else if (headers.IfUnmodifiedSince is not null
            && state.LastModified is { } lastModified
            && HttpDate.TryParse(headers.IfUnmodifiedSince, out var unmodifiedSince)
            && TruncateToSeconds(lastModified) > unmodifiedSince)
        {
            return PreconditionOutcome.PreconditionFailed;
        }

        // Step 3 (§13.1.2): the condition is "none matches"; a match makes it false.
        if (headers.IfNoneMatch is not null)
        {
            if (EntityTagComparer.ParseList(headers.IfNoneMatch).Matches(state.Exists, state.ETag, strong: false))
            {
                return isGetOrHead ? PreconditionOutcome.NotModified : PreconditionOutcome.PreconditionFailed;
            }
        }
        // Step 4 (§13.1.3): only GET/HEAD, only without If-None-Match.
        else if (isGetOrHead
            && headers.IfModifiedSince is not null
            && state.LastModified is { } modified
            && HttpDate.TryParse(headers.IfModifiedSince, out var modifiedSince)
            && TruncateToSeconds(modified) <= modifiedSince)
        {
            return PreconditionOutcome.NotModified;
        }

        return PreconditionOutcome.Proceed;
    }

    private static bool IsGetOrHead(string method) =>
        string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);

    // HTTP-dates have one-second resolution.
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
