namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// How rare four characters are in clean error bodies, to choose each marker's anchor in <see cref="MarkerIndex"/>:
/// the quad seen least often in a sample of ordinary text (common English words, HTML and JSON framing), then the one
/// whose characters are least common. The anchors only decide where the full comparison is tried, never what is found.
/// </summary>
/// <remarks>
/// Letter ranks alone chose "page" for "Whitelabel Error Page", "foun" for "ENOTFOUND", "tle&gt;" for "&lt;title&gt;"
/// (which every "&lt;/title&gt;" has too) and "vail" for "EADDRNOTAVAIL", so a plain 404 page woke seven comparisons per
/// KiB that the full comparison then refuted.
/// </remarks>
internal static class AnchorRarity
{
    // Rough share of each ASCII character in error bodies (JSON, HTML, prose): space and lower-case letters by English
    // frequency first.
    private const string CommonFirst = " etaoinsrhldcu\"m.,:/-fpgw0y1b2<>=v_k35[]{}49687'x;jqz()";

    // Ordinary text of error bodies: words of status pages, validation messages and maintenance notices, and markup.
    private const string Sample =
        """
        the be to of and a in that have it for not on with he as you do at this but his by from they we say her she or an
        will my one all would there their what so up out if about who get which go me when make can like time no just him
        know take people into year your good some could them see other than then now look only come its over think also
        back after use two how our work first well way even new want because any these give day most us is are was were
        been has had may must should might shall page pages found not found could not be found moved removed home return
        contact office district school schools student students staff section session course grade assessment details
        request requested requests resource resources available unavailable service services maintenance scheduled
        please try again later field fields enrollment enrollments enrolled manage management manager handle handled
        handling happen happened appear appears apply mapped help helped helpful made grade grades notice price device
        control controls controlled introduction execute executed execution
        required value values valid invalid validation one or more errors occurred must be between batch contains records
        record title status type detail instance trace id traceid message messages description reason code name names
        bad forbidden unauthorized conflict gone internal server gateway timeout too many payload large unsupported media
        method allowed accepted created ok success failed failure denied access permission permissions account user users
        login password email address phone number date time format string integer length minimum maximum characters
        the request could not be understood the server encountered see documentation for more information about this
        <!DOCTYPE html> <html lang="en"> <head> <meta charset="utf-8"> <title>Not Found</title> </title> <style> </style>
        body { font-family: sans-serif; margin: 2em } ul { line-height: 1.6 } </head> <body> <h1> </h1> <h2> </h2> <p> </p>
        <ul> <li> </li> </ul> <a href="/"> </a> <div class="container"> </div> <span> </span> <br> <hr>
        </body> </html> {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"","status":400,"errors":{},
        "traceId":"00-","detail":"","instance":"/api/v1/","message":"","code":"","data":null,"success":false} [] true
        """;

    private static readonly Dictionary<uint, int> s_counts = CountQuads();

    /// <summary>Where the rarest four characters of a lower-case marker of four or more start.</summary>
    public static int RarestQuad(byte[] lower)
    {
        var best = 0;
        (int Seen, int Rank) bestScore = (int.MaxValue, int.MinValue);
        for (var k = 0; k + 3 < lower.Length; k++)
        {
            // The sample is small: a quad it lacks may still be common ("d wi"), which its trigrams and pairs tell.
            var seen = (16 * Count(lower, k, 4)) + (4 * (Count(lower, k, 3) + Count(lower, k + 1, 3)))
                + Count(lower, k, 2) + Count(lower, k + 1, 2) + Count(lower, k + 2, 2);
            var rank = Rank(lower[k]) + Rank(lower[k + 1]) + Rank(lower[k + 2]) + Rank(lower[k + 3]);
            if (seen < bestScore.Seen || (seen == bestScore.Seen && rank > bestScore.Rank))
            {
                (best, bestScore) = (k, (seen, rank));
            }
        }

        return best;
    }

    private static int Count(byte[] lower, int k, int length) => s_counts.GetValueOrDefault(Key(lower, k, length));

    // Occurrences of each quad, trigram and pair of the sample (keys of three and two have zero high bytes).
    private static Dictionary<uint, int> CountQuads()
    {
        var counts = new Dictionary<uint, int>();
        var sample = System.Text.Encoding.ASCII.GetBytes(Sample.ToLowerInvariant().ReplaceLineEndings(" "));
        for (var k = 0; k + 2 < sample.Length; k++)
        {
            foreach (var length in (ReadOnlySpan<int>)[2, 3, 4])
            {
                if (k + length <= sample.Length)
                {
                    var key = Key(sample, k, length);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }

    private static uint Key(byte[] bytes, int k, int length)
    {
        uint key = 0;
        for (var i = length - 1; i >= 0; i--)
        {
            key = (key << 8) | bytes[k + i];
        }

        return key;
    }

    private static int Rank(byte c)
    {
        var rank = CommonFirst.IndexOf((char)c, StringComparison.Ordinal);
        return rank < 0 ? CommonFirst.Length + 16 : rank;
    }
}
