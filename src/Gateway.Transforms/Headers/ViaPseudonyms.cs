namespace Gateway.Transforms.Headers;

/// <summary>
/// Hides the hosts behind the gateway in an upstream's <c>Via</c> header, as RFC 9110 §7.6.3 asks of an intermediary
/// that is a portal through a firewall: each received-by becomes a pseudonym, comments (which name software and
/// versions) are dropped, and the received-protocols stay, so the hop's protocol versions are still told.
/// </summary>
public static class ViaPseudonyms
{
    /// <summary>The name every hop behind the gateway gets.</summary>
    public const string Pseudonym = "upstream";

    /// <summary>The value with each member's received-by replaced and adjacent equal members merged (which §7.6.3
    /// allows for equal received-protocols); <see langword="null"/> when nothing would change or the value is not a
    /// list of members (then the caller removes the header rather than pass on what it cannot read).</summary>
    public static string? Rewrite(string value, out bool unreadable)
    {
        ArgumentNullException.ThrowIfNull(value);
        unreadable = false;
        var members = new List<string>(2);
        var span = value.AsSpan();
        while (!span.IsEmpty)
        {
            var end = MemberEnd(span);
            if (end < 0)
            {
                unreadable = true;
                return null;
            }

            var member = span[..end].Trim(" \t");
            span = end < span.Length ? span[(end + 1)..] : [];
            if (member.IsEmpty)
            {
                continue; // empty list elements are allowed (RFC 9110 §5.6.1)
            }

            var protocolEnd = member.IndexOfAny(' ', '\t');
            if (protocolEnd <= 0 || member[..protocolEnd].ContainsAny('(', ')'))
            {
                unreadable = true;
                return null;
            }

            var rewritten = $"{member[..protocolEnd]} {Pseudonym}";
            if (members.Count == 0 || members[^1] != rewritten)
            {
                members.Add(rewritten);
            }
        }

        if (members.Count == 0)
        {
            unreadable = true;
            return null;
        }

        var result = string.Join(", ", members);
        return result == value ? null : result;
    }

    // Where the member ends: the first comma outside a comment (comments nest and may hold quoted pairs); -1 when a
    // comment is not closed.
    private static int MemberEnd(ReadOnlySpan<char> span)
    {
        var depth = 0;
        for (var i = 0; i < span.Length; i++)
        {
            switch (span[i])
            {
                case '\\' when depth > 0:
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when depth > 0:
                    depth--;
                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return depth == 0 ? span.Length : -1;
    }
}
