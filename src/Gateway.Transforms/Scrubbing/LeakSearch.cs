using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// One scan: walks the marker occurrences in order, keeps per rule one pending window of text around the markers that
/// woke it (neighbouring windows merge, up to <see cref="MaxWindow"/>), and runs the rule's regex on a window when the
/// next marker is too far away, or at the end. A kind already found stops its rules; all kinds found stops the scan.
/// </summary>
/// <remarks>
/// The text is either UTF-16 or ASCII bytes. ASCII bytes, and UTF-16 text without <see cref="LeakRules.FoldToAscii"/>
/// characters, are searched with <see cref="LeakRules.Index"/> (characters beyond ASCII are never part of a marker);
/// other text with <see cref="LeakRules.AnyMarker"/>. ASCII bytes are widened only window by window, for the regexes. A regex runs on a window with the character before it as context (so <c>\b</c> and <c>^</c> see
/// the real text), and a match ending at the window's cut end is checked again on the rest of the text, so a window
/// never reports a match the whole text does not have.
/// </remarks>
[SkipLocalsInit] // the guard's view is written before it is read
internal ref partial struct LeakSearch
{
    // Rules are bits of a ulong: at most 64. Per rule, two slots for its pending window and one for its early try.
    private const int MaxRules = 64;

    public const int WindowSlots = 3 * MaxRules;

    // A window that starts at the text's start is tried early, once its first marker is this far behind, then each time
    // the walk has doubled its length: a kind found there stops its rules for the rest of the body.
    private const int EarlyTry = 512;

    // An early match must end this far before the cut, so no lookahead or \b of it saw the cut.
    private const int EarlyMargin = 16;

    /// <summary>UTF-8 only: a marker passed its guards, so the search stopped and <see cref="Run"/>'s answer means nothing;
    /// the text must be scanned as UTF-16.</summary>
    public readonly bool Undecided => _undecided;

    /// <summary>How many ASCII characters the guards' text is widened at once: the markers of a small body share one
    /// widening (a 1 KiB JSON problem has five guarded markers in its first 150 bytes).</summary>
    public const int GuardChunk = 512;

    // Merged windows stop growing here, so a body dense with markers is read once per rule plus small overlaps.
    private const int MaxWindow = 16 * 1024;

    // The text a guard sees around a marker: enough before it for the longest scheme or boundary it looks back at.
    public const int GuardBefore = 32;
    public const int GuardAfter = 256;

    private readonly ReadOnlySpan<char> _text;
    private readonly ReadOnlySpan<byte> _ascii;
    private readonly bool _isAscii; // _ascii holds the text: ASCII, or UTF-8 when _isUtf8
    private readonly bool _isUtf8;
    private readonly int _length;
    private readonly Span<int> _windows; // [2r] start, [2r + 1] end of rule r's pending window, if _pending has r
    private readonly Span<int> _tryAt; // [r] where rule r's pending window is tried early next, if it starts at 0
    private readonly Span<char> _widened; // ASCII widened for the guards: [_widenedFrom, _widenedFrom + _widenedCount)
    private int _widenedFrom;
    private int _widenedCount;
    private char[]? _scratch;
    private LeakKinds _found;
    private bool _integrityMarker;
    private bool _searchedAll; // the marker index walked the whole text
    private bool _undecided; // UTF-8 only: a marker passed its guards, so the text must be scanned as chars
    private ulong _live; // rules whose kind is not found yet
    private ulong _pending; // rules with a pending window

    /// <param name="text">UTF-16 text, or empty when <paramref name="ascii"/> is given.</param>
    /// <param name="ascii">ASCII bytes, or empty.</param>
    /// <param name="windows">Scratch for the pending windows, <see cref="WindowSlots"/> long.</param>
    /// <param name="widened">For bytes: scratch for the guards' widened text, <see cref="GuardChunk"/> long.</param>
    /// <param name="utf8">Whether <paramref name="ascii"/> is valid UTF-8 that is not all ASCII, without
    /// <see cref="LeakRules.FoldToAscii"/> characters: the search then only tells whether every marker is refuted by its
    /// guard (<see cref="Undecided"/>), as no regex runs on bytes that are not ASCII.</param>
    /// <param name="known">Kinds already found in another form of the same body: their rules do not run again.</param>
    public LeakSearch(
        ReadOnlySpan<char> text, ReadOnlySpan<byte> ascii, Span<int> windows, Span<char> widened = default, bool utf8 = false, LeakKinds known = LeakKinds.None)
    {
        _widened = widened;
        _isUtf8 = utf8;
        _text = text;
        _ascii = ascii;
        _isAscii = !ascii.IsEmpty;
        _length = _isAscii ? ascii.Length : text.Length;
        _windows = windows[..(2 * LeakRules.All.Length)];
        _tryAt = windows.Slice(2 * MaxRules, LeakRules.All.Length);
        _found = known;
        _live = known == LeakKinds.None ? LeakRules.AllRules : LeakRules.AllRules & ~LeakRules.RulesOf(known);
    }

    /// <summary>Scans the text.</summary>
    /// <param name="integrityMarker">Whether the text may hold an integrity violation: one of
    /// <see cref="IntegrityViolationDetector"/>'s markers was seen, or the scan could not tell (text that is not ASCII,
    /// or a scan that stopped early because every kind was found).</param>
    public LeakKinds Run(out bool integrityMarker)
    {
        try
        {
            if (_isAscii)
            {
                Visit(LeakRules.Index.Find(_ascii));
            }
            else if (!_text.ContainsAny(LeakRules.FoldToAscii))
            {
                Visit(LeakRules.Index.Find(_text));
            }
            else
            {
                Walk(_text, 0, _text.Length);
            }

            integrityMarker = _integrityMarker || !_searchedAll;
            while ((_pending & _live) != 0)
            {
                Confirm(BitOperations.TrailingZeroCount(_pending & _live));
            }

            return _found;
        }
        finally
        {
            if (_scratch is not null)
            {
                ArrayPool<char>.Shared.Return(_scratch);
            }
        }
    }

    // The marker index's hits, skipping markers whose rules' kinds are found.
    private void Visit<T>(MarkerIndex.Hits<T> hits)
        where T : unmanaged, IBinaryInteger<T>
    {
        while (_live != 0 && hits.MoveNext(_live | (_integrityMarker ? 0 : LeakRules.IntegrityMarker)))
        {
            _integrityMarker |= (hits.Tags & LeakRules.IntegrityMarker) != 0;
            var rules = hits.Tags & _live;
            if ((rules & LeakRules.GuardedRules) != 0)
            {
                rules = Guard(rules, hits.Start, hits.Length);
            }

            if (_isUtf8 && rules != 0)
            {
                _undecided = true;
                return;
            }

            Wake(rules, hits.Start, hits.Length);
        }

        _searchedAll = _live != 0;
    }

    // Text with characters that fold to ASCII letters: visits the markers that start before limit in chunk (which holds
    // text from offset on). No guard runs here: guards read such characters as non-letters.
    private void Walk(scoped ReadOnlySpan<char> chunk, int offset, int limit)
    {
        var i = 0;
        while (i < limit && _live != 0)
        {
            var hit = chunk[i..].IndexOfAny(LeakRules.AnyMarker);
            if (hit < 0 || (i += hit) >= limit)
            {
                return;
            }

            var rest = chunk[i..];
            if (LeakRules.ByFirstChar.TryGetValue(char.ToLowerInvariant(rest[0]), out var candidates))
            {
                foreach (var (marker, rules) in candidates)
                {
                    if ((rules & _live) != 0 && rest.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        Wake(rules, offset + i, marker.Length);
                    }
                }
            }

            i++;
        }
    }

    private void Wake(ulong rules, int position, int length)
    {
        rules &= _live;
        if (rules == 0)
        {
            return;
        }

        var from = position - LeakScanner.Reach;
        var to = position + length + LeakScanner.Reach;
        while (rules != 0)
        {
            var r = BitOperations.TrailingZeroCount(rules);
            rules &= rules - 1;
            ref var start = ref _windows[2 * r];
            ref var end = ref _windows[(2 * r) + 1];
            if ((_pending & (1UL << r)) != 0 && from <= end && end - start < MaxWindow)
            {
                // Hits of the marker index come in anchor order, so one may start a little before the previous one.
                start = Math.Min(start, from);
                end = Math.Max(end, to);
                if (start <= 0 && position >= _tryAt[r])
                {
                    TryEarly(r, position);
                    rules &= _live;
                }

                continue;
            }

            Confirm(r);
            (start, end) = (from, to);
            _tryAt[r] = position + EarlyTry;
            _pending |= 1UL << r;
        }
    }

    // Runs rule r's regex on its pending window, which starts at the text's start, cut at the marker at cut: a match
    // well before the cut is one the whole window has too (the same text up to it, the same start), so the kind is found
    // now and its rules stop. Otherwise the window stays pending and grows.
    private void TryEarly(int r, int cut)
    {
        var rule = LeakRules.All[r];
        foreach (var match in rule.Pattern.EnumerateMatches(Chars(0, Math.Min(cut, _length))))
        {
            if (match.Index + match.Length <= cut - EarlyMargin)
            {
                _pending &= ~(1UL << r);
                _found |= rule.Kind;
                _live &= ~LeakRules.RulesOf(rule.Kind);
                return;
            }

            break;
        }

        _tryAt[r] = 2 * cut;
    }

    // Runs rule r's regex on its pending window, if any, and forgets the window.
    private void Confirm(int r)
    {
        if ((_pending & (1UL << r)) == 0)
        {
            return;
        }

        _pending &= ~(1UL << r);
        var from = Math.Max(0, _windows[2 * r]);
        var to = Math.Min(_length, _windows[(2 * r) + 1]);
        var rule = LeakRules.All[r];
        if (to > from && (_found & rule.Kind) == 0 && Matches(rule, from, to))
        {
            _found |= rule.Kind;
            _live &= ~LeakRules.RulesOf(rule.Kind);
        }
    }

    private bool Matches(LeakRule rule, int from, int to)
    {
        if (!_isAscii)
        {
            return MarkerWindows.Matches(_text, rule.Pattern, from, to);
        }

        var context = from > 0 ? from - 1 : 0;
        foreach (var match in rule.Pattern.EnumerateMatches(Chars(context, to), from - context))
        {
            // Two real characters after the match: neither \b nor $ (which also matches before a final \n) saw the cut.
            return to == _length
                || context + match.Index + match.Length <= to - 2
                || rule.Pattern.IsMatch(Chars(context, _length), from - context);
        }

        return false;
    }

    private ReadOnlySpan<char> Chars(int from, int to)
    {
        if (!_isAscii)
        {
            return _text[from..to];
        }

        var count = to - from;
        if (_scratch is null || _scratch.Length < count)
        {
            if (_scratch is not null)
            {
                ArrayPool<char>.Shared.Return(_scratch);
            }

            _scratch = ArrayPool<char>.Shared.Rent(Math.Max(count, MaxWindow + (4 * LeakScanner.Reach)));
        }

        Ascii.ToUtf16(_ascii.Slice(from, count), _scratch, out _);
        return _scratch.AsSpan(0, count);
    }
}
