using System.Numerics;
using System.Text;

namespace Gateway.Transforms.Scrubbing;

/// <summary>The guards' side of a scan: the text a guard sees around a marker, as UTF-16.</summary>
internal ref partial struct LeakSearch
{
    // Drops the guarded rules whose guard refutes the marker at [start, start + length).
    private ulong Guard(ulong rules, int start, int length)
    {
        scoped ReadOnlySpan<char> view;
        int at;
        bool endsText;
        if (_isUtf8)
        {
            if (!Utf8GuardView.TryDecode(_ascii, start, length, GuardBefore, GuardAfter, _widened, out view, out at, out endsText))
            {
                return rules; // invalid UTF-8 around the marker: the UTF-16 scan decides
            }
        }
        else
        {
            var from = Math.Max(0, start - GuardBefore);
            var to = Math.Min(_length, start + length + GuardAfter);
            view = _isAscii ? Widened(from, to) : _text[from..to];
            (at, endsText) = (start - from, to == _length);
        }

        var guarded = rules & LeakRules.GuardedRules;
        while (guarded != 0)
        {
            var r = BitOperations.TrailingZeroCount(guarded);
            guarded &= guarded - 1;
            if (!LeakRules.All[r].Guard!(view, at, length, endsText))
            {
                rules &= ~(1UL << r);
            }
        }

        return rules;
    }

    // The ASCII bytes [from, to) as chars, widened GuardChunk at a time (from `from` on) unless already widened.
    private ReadOnlySpan<char> Widened(int from, int to)
    {
        if (from < _widenedFrom || to > _widenedFrom + _widenedCount)
        {
            var count = Math.Min(_length - from, _widened.Length); // a guard's view is far shorter than a chunk
            Ascii.ToUtf16(_ascii.Slice(from, count), _widened, out _widenedCount);
            _widenedFrom = from;
        }

        return _widened.Slice(from - _widenedFrom, to - from);
    }
}
