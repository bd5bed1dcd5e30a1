using Gateway.Transforms.Preconditions;
using Microsoft.Net.Http.Headers;

namespace Gateway.Preconditions;

/// <summary>
/// Puts an upstream's malformed <c>ETag</c> right before anything reads it: an unquoted tag is quoted, anything
/// else that is not one tag (several fields, stray quotes) is removed, so a client never holds a validator it
/// cannot send back.
/// </summary>
internal static class UpstreamETagField
{
    public static UpstreamTagForm Normalize(IHeaderDictionary headers)
    {
        var values = headers.ETag;
        if (values.Count == 0)
        {
            return UpstreamTagForm.Valid;
        }

        var repaired = "";
        var form = values.Count == 1 ? UpstreamEntityTag.Inspect(values[0] ?? "", out repaired) : UpstreamTagForm.Invalid;
        if (form == UpstreamTagForm.Repaired)
        {
            headers.ETag = repaired;
        }
        else if (form == UpstreamTagForm.Invalid)
        {
            headers.Remove(HeaderNames.ETag);
        }

        return form;
    }

    /// <summary>The same reading for a probe's response: the tag to compare, and whether it was the upstream's verbatim.</summary>
    public static EntityTag? Read(string? value, out bool verbatim)
    {
        verbatim = false;
        if (value is null)
        {
            return null;
        }

        var form = UpstreamEntityTag.Inspect(value, out var repaired);
        verbatim = form == UpstreamTagForm.Valid;
        return form == UpstreamTagForm.Invalid ? null : ConditionalRequest.ParseETag(repaired);
    }
}
