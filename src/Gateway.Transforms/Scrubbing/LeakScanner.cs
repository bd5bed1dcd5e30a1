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

        // A message (the common caller) is short and ASCII: its bytes are searched twice as fast as its chars.
        Span<byte> narrowed = stackalloc byte[text.Length <= NarrowUpTo ? text.Length : 0];
        if (!text.IsEmpty && !narrowed.IsEmpty && Ascii.FromUtf16(text, narrowed, out _) == OperationStatus.Done)
        {
            Span<char> widened = stackalloc char[LeakSearch.GuardChunk];
            return new LeakSearch(default, narrowed, windows, widened).Run(out _);
        }

        return new LeakSearch(text, default, windows).Run(out _);
    }

    // The longest text narrowed to ASCII bytes on the stack before it is scanned.
    private const int NarrowUpTo = 2048;

    /// <summary>Scans UTF-16 text for the kinds not in <paramref name="known"/> (found in another form of the same
    /// body, e.g. its raw bytes before unescaping): their rules do not run again.</summary>
    /// <returns><paramref name="known"/> and the kinds found.</returns>
    internal static LeakKinds ScanForMore(ReadOnlySpan<char> text, LeakKinds known)
    {
        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        return new LeakSearch(text, default, windows, known: known).Run(out _);
    }

    /// <summary>The same as <see cref="ScanForMore(ReadOnlySpan{char}, LeakKinds)"/> for the text of valid UTF-8: ASCII
    /// is searched as its bytes, other UTF-8 as bytes while its markers are refuted by their guards, then as UTF-16.</summary>
    /// <returns><paramref name="known"/> and the kinds found.</returns>
    internal static LeakKinds ScanForMore(ReadOnlySpan<byte> utf8, LeakKinds known)
    {
        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        Span<char> widened = stackalloc char[LeakSearch.GuardChunk];
        if (Ascii.IsValid(utf8))
        {
            return utf8.IsEmpty ? known : new LeakSearch(default, utf8, windows, widened, known: known).Run(out _);
        }

        if (!ContainsFoldToAscii(utf8))
        {
            var search = new LeakSearch(default, utf8, windows, widened, utf8: true, known: known);
            if (search.Run(out _) == known && !search.Undecided)
            {
                return known;
            }
        }

        // UTF-8 never yields more UTF-16 code units than it has bytes.
        var rented = ArrayPool<char>.Shared.Rent(utf8.Length);
        try
        {
            var written = Encoding.UTF8.GetChars(utf8, rented);
            return new LeakSearch(rented.AsSpan(0, written), default, windows, known: known).Run(out _);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
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

    /// <summary>
    /// Whether UTF-8 that is not all ASCII is clean by its markers alone: without <see cref="LeakRules.FoldToAscii"/>
    /// characters, and every marker refuted by its guard, which reads valid UTF-8 (invalid bytes are U+FFFD in UTF-16,
    /// never a marker's ASCII). False means only that the text must be scanned as UTF-16.
    /// </summary>
    /// <remarks>
    /// The markers are ASCII and a multi-byte sequence holds no ASCII byte, so the marker index finds in the bytes the
    /// markers the UTF-16 text has, and each guard sees the UTF-16 view it would see there (<see cref="Utf8GuardView"/>).
    /// A marker that passes its guard stops the pass: its rule's regex runs on the UTF-16 text, as before.
    /// </remarks>
    internal static bool IsCleanUtf8(ReadOnlySpan<byte> utf8) => IsCleanUtf8(utf8, out _);

    /// <summary>The same, telling also whether the clean text may need <see cref="IntegrityViolationDetector"/>.</summary>
    /// <param name="utf8">Valid UTF-8.</param>
    /// <param name="integrityMarker">When clean: false only when the text certainly holds none of the integrity markers.</param>
    internal static bool IsCleanUtf8(ReadOnlySpan<byte> utf8, out bool integrityMarker)
    {
        integrityMarker = true;
        if (ContainsFoldToAscii(utf8))
        {
            return false;
        }

        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        Span<char> widened = stackalloc char[LeakSearch.GuardChunk];
        var search = new LeakSearch(default, utf8, windows, widened, utf8: true);
        return search.Run(out integrityMarker) == LeakKinds.None && !search.Undecided;
    }

    /// <summary>Whether UTF-8 holds one of <see cref="LeakRules.FoldToAscii"/>'s characters (İ, ı, ſ, the Kelvin
    /// sign), which only the UTF-16 path reads as the ASCII letters they may stand for.</summary>
    internal static bool ContainsFoldToAscii(ReadOnlySpan<byte> utf8)
    {
        for (var i = utf8.IndexOfAny(FoldLeads); i >= 0 && i < utf8.Length - 1; i = NextLead(utf8, i + 1))
        {
            var rest = utf8[i..];
            if (rest.StartsWith("\u0130"u8) || rest.StartsWith("\u0131"u8) || rest.StartsWith("\u017F"u8) || rest.StartsWith("\u212A"u8))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextLead(ReadOnlySpan<byte> utf8, int from)
    {
        var next = utf8[from..].IndexOfAny(FoldLeads);
        return next < 0 ? -1 : from + next;
    }

    // The first bytes of U+0130, U+0131 (C4), U+017F (C5) and U+212A (E2).
    private static ReadOnlySpan<byte> FoldLeads => [0xC4, 0xC5, 0xE2];

    /// <summary>Scans UTF-8 bytes; invalid sequences are read as U+FFFD and never throw.</summary>
    /// <returns>The kinds of leak found; <see cref="LeakKinds.None"/> for clean text.</returns>
    public static LeakKinds Scan(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return LeakKinds.None;
        }

        // ASCII (nearly every error body) is searched as bytes; only the regex windows are widened to chars. Other UTF-8
        // is searched as bytes too, but read as UTF-16 as soon as a marker passes its guard.
        Span<int> windows = stackalloc int[LeakSearch.WindowSlots];
        if (Ascii.IsValid(utf8))
        {
            Span<char> widened = stackalloc char[LeakSearch.GuardChunk];
            return new LeakSearch(default, utf8, windows, widened).Run(out _);
        }

        if (IsCleanUtf8(utf8))
        {
            return LeakKinds.None;
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
