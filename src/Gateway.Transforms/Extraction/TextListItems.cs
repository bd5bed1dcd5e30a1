using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Plain-text validation errors often come as a heading and a list ("Validation failed:\n- name is required\n- grade
/// must be between 1 and 12"): the heading alone says nothing the client can fix. The items that follow it are joined
/// to it, as a JSON error list is ("Validation failed: name is required; grade must be between 1 and 12").
/// </summary>
internal static class TextListItems
{
    private const int MaxItems = 10;

    /// <summary>The heading with the list items that follow it in <paramref name="text"/> (or the one line that goes on
    /// from it), or the heading alone.</summary>
    /// <param name="text">The text the heading is a slice of.</param>
    /// <param name="heading">A trimmed line of <paramref name="text"/> that ends with a colon.</param>
    public static string AppendTo(ReadOnlySpan<char> text, ReadOnlySpan<char> heading)
    {
        if (!text.Overlaps(heading, out var offset))
        {
            return heading.ToString();
        }

        var rest = text[(offset + heading.Length)..];
        var message = new StringBuilder().Append(heading);
        var items = 0;
        var first = true;
        foreach (var range in rest.Split('\n'))
        {
            var line = rest[range].Trim();
            if (first)
            {
                first = false; // what is left of the heading's own line
                if (!line.IsEmpty)
                {
                    break;
                }

                continue;
            }

            if (line.IsEmpty)
            {
                if (items > 0)
                {
                    break; // a blank line ends the list
                }

                continue;
            }

            if (!TryItem(line, out var item))
            {
                // Akka HTTP: "The request content was malformed:\nObject is missing required member 'x'": one line
                // that goes on from the heading is its end, not a list.
                if (items == 0)
                {
                    message.Append(' ').Append(line);
                    items = 1;
                }

                break;
            }

            message.Append(items == 0 ? " " : "; ").Append(item);
            if (++items == MaxItems)
            {
                break;
            }
        }

        return items == 0 ? heading.ToString() : message.ToString();
    }

    // "- x", "* x", "• x", "1. x", "2) x".
    private static bool TryItem(ReadOnlySpan<char> line, out ReadOnlySpan<char> item)
    {
        item = default;
        var start = line[0] is '-' or '*' or '•' or '·' or '–' ? 1 : 0;
        if (start == 0)
        {
            while (start < line.Length && char.IsAsciiDigit(line[start]))
            {
                start++;
            }

            if (start == 0 || start > 3 || start >= line.Length || line[start] is not ('.' or ')'))
            {
                return false;
            }

            start++;
        }

        if (start >= line.Length || !char.IsWhiteSpace(line[start]))
        {
            return false;
        }

        item = line[start..].Trim();
        return !item.IsEmpty;
    }
}
