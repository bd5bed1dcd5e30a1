using System.Buffers;
using System.Text;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Finds what must not reach a client: stack traces and debug pages, SQL/driver errors, file paths, connection strings,
/// internal hosts and exception type names. Pure, thread-safe and culture-invariant.
/// </summary>
/// <remarks>
/// A vectorized multi-string search (<see cref="SearchValues{T}"/>, ordinal, case-insensitive) over cheap markers
/// rejects clean text without running a regex; only texts with a marker are confirmed by non-backtracking regexes,
/// so the cost stays linear in the input, whatever it contains.
/// </remarks>
public static class LeakScanner
{
    // Transcoding below this many bytes uses the stack; larger inputs rent from the shared pool.
    private const int StackLimit = 512;

    /// <summary>Scans UTF-16 text.</summary>
    /// <returns>The kinds of leak found; <see cref="LeakKinds.None"/> for clean text.</returns>
    public static LeakKinds Scan(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !text.ContainsAny(LeakRules.AnyMarker))
        {
            return LeakKinds.None;
        }

        var found = LeakKinds.None;
        foreach (var rule in LeakRules.All)
        {
            if (rule.Matches(text))
            {
                found |= rule.Kind;
            }
        }

        return found;
    }

    /// <summary>Scans UTF-8 bytes; invalid sequences are read as U+FFFD and never throw.</summary>
    /// <returns>The kinds of leak found; <see cref="LeakKinds.None"/> for clean text.</returns>
    public static LeakKinds Scan(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return LeakKinds.None;
        }

        // The confirming regexes need UTF-16; transcoding (vectorized for ASCII) is cheaper than a second set of
        // byte-level patterns, and UTF-8 never yields more UTF-16 code units than it has bytes.
        char[]? rented = null;
        var buffer = utf8.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            var written = Encoding.UTF8.GetChars(utf8, buffer);
            return Scan(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
