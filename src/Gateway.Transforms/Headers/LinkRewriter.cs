using System.Text;

namespace Gateway.Transforms.Headers;

/// <summary>
/// Rewrites the targets of a <c>Link</c> header (RFC 8288: <c>&lt;uri&gt;; rel="next", &lt;uri&gt;; rel="last"</c>) as
/// <see cref="LocationRewriter"/> rewrites a <c>Location</c>: legacy APIs page with links to their own internal address.
/// Parameters are kept as they are; a <c>&lt;</c> inside a quoted parameter is not a target.
/// </summary>
public static class LinkRewriter
{
    /// <summary>Returns the rewritten value, <see cref="LocationRewriter.Drop"/> when a target is a file path, or null when no target changed.</summary>
    public static string? TryRewrite(string link, IEnumerable<string> destinations, string publicBase, string? removedPrefix, string? addedPrefix)
    {
        ArgumentNullException.ThrowIfNull(link);
        StringBuilder? rewritten = null;
        var copied = 0;
        var quoted = false;
        for (var i = 0; i < link.Length; i++)
        {
            switch (link[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '<' when !quoted:
                    var end = link.IndexOf('>', i + 1);
                    if (end < 0)
                    {
                        return Finish(rewritten, link, copied);
                    }

                    var target = link[(i + 1)..end];
                    if (LocationRewriter.TryRewrite(target, destinations, publicBase, removedPrefix, addedPrefix) is { } replaced)
                    {
                        if (replaced.Length == 0)
                        {
                            return LocationRewriter.Drop; // a file path: the whole line goes, a link without its target means nothing
                        }

                        rewritten ??= new StringBuilder(link.Length + 16);
                        rewritten.Append(link, copied, i + 1 - copied).Append(replaced);
                        copied = end;
                    }

                    i = end;
                    break;
            }
        }

        return Finish(rewritten, link, copied);
    }

    private static string? Finish(StringBuilder? rewritten, string link, int copied) =>
        rewritten?.Append(link, copied, link.Length - copied).ToString();
}
