using System.Buffers;
using System.Numerics;
using System.Text;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Finds what must not reach a client: stack traces and debug pages, SQL/driver errors, file paths, connection strings,
/// internal hosts and exception type names. Pure, thread-safe and culture-invariant.
/// </summary>
/// <remarks>
/// One vectorized multi-string search (<see cref="SearchValues{T}"/>, ordinal, ignoring case) finds the cheap markers;
/// clean text ends there without running a regex and without allocating. Each marker found wakes only the few
/// non-backtracking regexes that can use it, so the cost stays linear in the input whatever it contains.
/// </remarks>
public static class LeakScanner
{
    // Transcoding below this many bytes uses the stack; larger inputs rent from the shared pool.
    private const int StackLimit = 512;

    /// <summary>Scans UTF-16 text.</summary>
    /// <returns>The kinds of leak found; <see cref="LeakKinds.None"/> for clean text.</returns>
    public static LeakKinds Scan(ReadOnlySpan<char> text)
    {
        var woken = WokenRules(text);
        var found = LeakKinds.None;
        while (woken != 0)
        {
            var rule = LeakRules.All[BitOperations.TrailingZeroCount(woken)];
            woken &= woken - 1;
            if ((found & rule.Kind) == 0 && rule.Pattern.IsMatch(text))
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

    // Walks every marker occurrence and collects the rules they wake, stopping early once all are awake.
    private static ulong WokenRules(ReadOnlySpan<char> text)
    {
        var all = LeakRules.All.Length == 64 ? ulong.MaxValue : (1UL << LeakRules.All.Length) - 1;
        var woken = 0UL;
        var offset = 0;
        while (woken != all)
        {
            var hit = text[offset..].IndexOfAny(LeakRules.AnyMarker);
            if (hit < 0)
            {
                break;
            }

            offset += hit;
            var rest = text[offset..];
            if (LeakRules.ByFirstChar.TryGetValue(char.ToLowerInvariant(rest[0]), out var candidates))
            {
                foreach (var (marker, rules) in candidates)
                {
                    if (rest.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        woken |= rules;
                    }
                }
            }

            offset++;
        }

        return woken;
    }
}
