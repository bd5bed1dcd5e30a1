using System.Globalization;
using Gateway.Transforms.Extraction;

namespace Gateway.Transforms.Errors;

/// <summary>Finds the message of an error body in the places its format keeps it.</summary>
internal static class MessageExtractor
{
    /// <summary>The first candidate of the body, in its format's priority order, that cleaned says something.</summary>
    /// <param name="format">The sniffed format.</param>
    /// <param name="body">The body, decoded here only as far as its format's reader needs.</param>
    /// <param name="markup">The decoded body as a string, for the XML reader (made here when missing).</param>
    /// <param name="upstreamStatus">The upstream status, whose "404 - " style prefix is dropped.</param>
    /// <param name="formDeclared">Whether the content type says the body is form-encoded.</param>
    /// <param name="json">The facts of a well-formed JSON body; <see langword="null"/> otherwise.</param>
    /// <returns>The message, still to be leak-scanned; <see langword="null"/> when no candidate says anything.</returns>
    public static ChosenMessage Choose(
        BodyFormat format, ref BodyText body, string? markup, int upstreamStatus, bool formDeclared, out JsonFacts? json)
    {
        json = null;
        switch (format)
        {
            case BodyFormat.Json:
                json = JsonMessageReader.Read(body.Utf8);
                if (json is not null)
                {
                    return Choose(json, upstreamStatus);
                }

                // Not JSON after all: "[ERROR] Student 12 was not found" is a line of text; a broken object, or a list
                // too deep or cut short, is not: its raw text would be the message.
                return IsBracketedLine(body.TrimmedStart(FormatSniffer.Window))
                    ? ChooseLine(ref body, upstreamStatus)
                    : default;
            case BodyFormat.Xml:
                return Choose(XmlMessageScanner.Candidates(markup ?? body.All().ToString()), upstreamStatus);
            case BodyFormat.Html:
                // Element by element: a page whose headline says something is not searched for the others.
                for (var element = 0; element < HtmlMessageScanner.Elements; element++)
                {
                    var chosen = Choose(HtmlMessageScanner.Candidate(body.Utf8, element), upstreamStatus);
                    if (chosen.Message is not null)
                    {
                        return chosen;
                    }
                }

                return default;
            case BodyFormat.Text:
                // Only a form is decoded that far: undeclared, its start already shows pairs and no white space.
                return (formDeclared || FormMessageReader.MayBeForm(body.TrimmedStart(FormatSniffer.Window)))
                    && FormMessageReader.Candidates(body.TrimmedStart(FormMessageReader.MaxLength + 1), formDeclared) is { } form
                    ? Choose(form, upstreamStatus)
                    : ChooseLine(ref body, upstreamStatus);
            default:
                return default;
        }
    }

    // "[ERROR] …" and "[2026-12-06 10:00:00] …" are log lines; "[{", "[[", "[\"", "[1," and "[true," are JSON.
    private static bool IsBracketedLine(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith('['))
        {
            return false;
        }

        var rest = text[1..].TrimStart(" \t\r\n");
        if (rest.IsEmpty || rest[0] is '{' or '[' or '"' or ']')
        {
            return false;
        }

        var end = rest.IndexOfAny(",]\r\n");
        var first = (end < 0 ? rest : rest[..end]).Trim();
        return !(double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || first is "true" or "false" or "null");
    }

    /// <summary>The message of a JSON document inside a wrapper (<see cref="JsonEnvelope"/>); <paramref name="read"/>
    /// tells whether it was well-formed JSON. Its facts are not kept: a wrapped body is never the standard payload.</summary>
    public static ChosenMessage ChooseWrapped(ReadOnlySpan<byte> document, int upstreamStatus, out bool read)
    {
        var json = JsonMessageReader.Read(document);
        read = json is not null;
        return json is null ? default : Choose(json, upstreamStatus);
    }

    private static ChosenMessage Choose(JsonFacts json, int upstreamStatus)
    {
        for (var candidate = 0; candidate < JsonFacts.CandidateCount; candidate++)
        {
            var chosen = Choose(json.Candidate(candidate), upstreamStatus);
            if (chosen.Message is not null)
            {
                return chosen;
            }
        }

        return default;
    }

    /// <summary>The first candidate that, cleaned, says something.</summary>
    /// <param name="candidates">Raw candidates in priority order.</param>
    /// <param name="upstreamStatus">The upstream status, whose "404 - " style prefix is dropped.</param>
    public static ChosenMessage Choose(IEnumerable<string?> candidates, int upstreamStatus)
    {
        foreach (var candidate in candidates)
        {
            var chosen = Choose(candidate, upstreamStatus);
            if (chosen.Message is not null)
            {
                return chosen;
            }
        }

        return default;
    }

    // The first line of text that, cleaned, says something; no string is made for the lines after it. A line that
    // introduces a list ("Validation failed:" then "- name is required") brings its items along.
    private static ChosenMessage ChooseLine(ref BodyText body, int upstreamStatus)
    {
        var text = TextMessageReader.Text(ref body);
        foreach (var line in TextMessageReader.Lines(text))
        {
            var candidate = line.EndsWith(':') ? TextListItems.AppendTo(text, line) : line.ToString();
            var chosen = Choose(candidate, upstreamStatus);
            if (chosen.Message is not null)
            {
                return chosen;
            }
        }

        return default;
    }

    private static ChosenMessage Choose(string? candidate, int upstreamStatus)
    {
        var cleaned = MessageText.Clean(candidate);
        if (cleaned is null)
        {
            return default;
        }

        cleaned = MessageText.StripStatusPrefix(cleaned, upstreamStatus);
        return MessageText.IsInformative(cleaned) ? new ChosenMessage(cleaned, candidate) : default;
    }
}
