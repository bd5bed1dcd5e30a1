using Gateway.Transforms.Extraction;

namespace Gateway.Transforms.Errors;

/// <summary>Finds the message candidates of an error body in the places its format keeps them.</summary>
internal static class MessageExtractor
{
    /// <summary>Candidates in priority order; raw upstream text, still to be cleaned and leak-scanned.</summary>
    /// <param name="format">The sniffed format.</param>
    /// <param name="body">The body, decoded here only as far as its format's reader needs.</param>
    /// <param name="markup">The decoded body as a string, for the XML reader (made here when missing).</param>
    /// <param name="json">The facts of a well-formed JSON body; <see langword="null"/> otherwise.</param>
    public static IReadOnlyList<string?> Extract(BodyFormat format, ref BodyText body, string? markup, out JsonFacts? json)
    {
        json = null;
        switch (format)
        {
            case BodyFormat.Json:
                json = JsonMessageReader.Read(body.Utf8);
                if (json is not null)
                {
                    return [.. json.Candidates()];
                }

                // Not JSON after all: "[ERROR] Student 12 was not found" is a line of text; a broken object is not.
                return body.TrimmedStart(FormatSniffer.Window).StartsWith('[') ? TextMessageReader.Candidates(ref body) : [];
            case BodyFormat.Xml:
                return [.. XmlMessageScanner.Candidates(markup ?? body.All().ToString())];
            case BodyFormat.Html:
                return HtmlMessageScanner.Candidates(body.Utf8);
            case BodyFormat.Text:
                return TextMessageReader.Candidates(ref body);
            default:
                return [];
        }
    }

    /// <summary>The first candidate that, cleaned, says something; <see langword="null"/> when none does.</summary>
    /// <param name="candidates">Raw candidates in priority order.</param>
    /// <param name="upstreamStatus">The upstream status, whose "404 - " style prefix is dropped.</param>
    /// <param name="raw">The chosen candidate before cleaning: it must be scanned too, because cutting a long message
    /// to length can cut a leak down to a fragment no pattern recognises.</param>
    public static string? Choose(IReadOnlyList<string?> candidates, int upstreamStatus, out string? raw)
    {
        raw = null;
        foreach (var candidate in candidates)
        {
            var cleaned = MessageText.Clean(candidate);
            if (cleaned is null)
            {
                continue;
            }

            cleaned = MessageText.StripStatusPrefix(cleaned, upstreamStatus);
            if (MessageText.IsInformative(cleaned))
            {
                raw = candidate;
                return cleaned;
            }
        }

        return null;
    }
}
