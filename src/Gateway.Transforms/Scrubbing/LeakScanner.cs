using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Finds what must not reach a client: stack traces and debug pages, SQL/driver errors, file paths, connection strings,
/// internal hosts and exception type names. Pure, thread-safe and culture-invariant.
/// </summary>
/// <remarks>
/// One pass finds the cheap markers: the vectorized <see cref="MarkerIndex"/> over ASCII bytes or UTF-16 text (nearly
/// every body), one <see cref="SearchValues{T}"/> search (ordinal, ignoring case) over text with characters that fold to
/// ASCII letters. Clean text ends there without
/// running a regex and without allocating; <see cref="MarkerGuards"/> refute the markers clean text is full of. Each
/// remaining marker wakes only the few regexes that can use it (each linear in its window), and only on the text
/// around it (<see cref="Reach"/> characters each side), so the cost stays linear in the input whatever it contains
/// and a marker early in a large body does not make a regex read all of it.
/// </remarks>
[SkipLocalsInit] // LeakSearch reads a rule's window slots only after writing them
public static class LeakScanner
{
    /// <summary>
    /// How far (in characters) a match may reach beyond the marker that woke its rule and still be found: 1024.
    /// Real frames, paths and type names are a few hundred characters at most.
    /// </summary>
    internal const int Reach = 1024;

    /// <summary>Scans UTF-16 text.</summary>
    /// <returns>The kinds of leak found; <see cref="LeakKinds.None"/> for clean text.</returns>
    public static LeakKinds Scan(ReadOnlySpan<char> text)
    {
        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        return new LeakSearch(text, default, windows).Run(out _);
    }

    /// <summary>Scans UTF-16 text for the kinds not in <paramref name="known"/> (found in another form of the same
    /// body, e.g. its raw bytes before unescaping): their rules do not run again.</summary>
    /// <returns><paramref name="known"/> and the kinds found.</returns>
    internal static LeakKinds ScanForMore(ReadOnlySpan<char> text, LeakKinds known)
    {
        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        return new LeakSearch(text, default, windows, known: known).Run(out _);
    }

    /// <summary>Scans UTF-16 text and tells whether it needs <see cref="IntegrityViolationDetector"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="integrityMarker">False only when the text certainly holds none of the integrity markers.</param>
    internal static LeakKinds Scan(ReadOnlySpan<char> text, out bool integrityMarker)
    {
        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        return new LeakSearch(text, default, windows).Run(out integrityMarker);
    }

    /// <summary>Scans ASCII bytes and tells whether they need <see cref="IntegrityViolationDetector"/>.</summary>
    /// <param name="ascii">The text, all ASCII.</param>
    /// <param name="integrityMarker">False only when the text certainly holds none of the integrity markers.</param>
    internal static LeakKinds Scan(ReadOnlySpan<byte> ascii, out bool integrityMarker)
    {
        integrityMarker = false;
        if (ascii.IsEmpty)
        {
            return LeakKinds.None;
        }

        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        Span<char> widened = stackalloc char[LeakSearch.GuardChunk];
        return new LeakSearch(default, ascii, windows, widened).Run(out integrityMarker);
    }

    /// <summary>Scans UTF-8 bytes; invalid sequences are read as U+FFFD and never throw.</summary>
    /// <returns>The kinds of leak found; <see cref="LeakKinds.None"/> for clean text.</returns>
    public static LeakKinds Scan(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return LeakKinds.None;
        }

        // ASCII (nearly every error body) is searched as bytes; only the regex windows are widened to chars.
        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        if (Ascii.IsValid(utf8))
        {
            Span<char> widened = stackalloc char[LeakSearch.GuardChunk];
            return new LeakSearch(default, utf8, windows, widened).Run(out _);
        }

        // UTF-8 never yields more UTF-16 code units than it has bytes.
        var rented = ArrayPool<char>.Shared.Rent(utf8.Length);
        try
        {
            var written = Encoding.UTF8.GetChars(utf8, rented);
            return new LeakSearch(rented.AsSpan(0, written), default, windows).Run(out _);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
