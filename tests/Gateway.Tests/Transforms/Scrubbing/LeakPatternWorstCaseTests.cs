using System.Diagnostics;
using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>
/// The backtracking leak patterns stay linear in the window they search: on adversarial text (a unit made of a rule's
/// markers and of the characters its classes hinge on, repeated over 16 KiB) one search costs no more than a few times
/// the sixteen searches of its 1 KiB pieces. A pattern that re-reads the rest of the window from each start costs about
/// sixteen times more (see <see cref="Checker_QuadraticPattern_IsCaught"/>). Compares time with time measured in the
/// same moment, never with a fixed bound.
/// </summary>
public class LeakPatternWorstCaseTests
{
    private const int Window = 16 * 1024;
    private const int Piece = 1024;

    // Linear: ≈ 1; a pattern quadratic in the window: ≈ 16. Generous for a busy machine.
    private const double MaxGrowth = 5;

    private static readonly string[] s_characters =
        ["a", "A", "1", ".", "$", "/", "\\", ":", "-", "_", " ", "(", ")", "[", "]", "'", "\"", "\n", "\t", "=", ";", "@", "<", "#"];

    public static TheoryData<int> BacktrackingRules() =>
        [.. Enumerable.Range(0, LeakRules.All.Length).Where(i => !LeakRules.All[i].Pattern.Options.HasFlag(RegexOptions.NonBacktracking))];

    [Theory]
    [MemberData(nameof(BacktrackingRules))]
    public void Pattern_AdversarialWindow_CostsLinearTime(int rule) =>
        AssertLinear(LeakRules.All[rule].Pattern, LeakRules.All[rule].MarkerList);

    [Fact]
    public void IntegrityPattern_AdversarialWindow_CostsLinearTime() =>
        AssertLinear(IntegrityViolationDetector.Pattern, IntegrityViolationDetector.MarkerList);

    [Fact]
    public void Checker_QuadraticPattern_IsCaught()
    {
        // What a backtracking "SELECT … FROM" on one line does: every SELECT reads the rest of the line.
        var quadratic = new Regex(@"\bSELECT[ ]+\w[^\r\n]*[ ]FROM[ ]+\w", RegexOptions.CultureInvariant);

        var (unit, growth) = WorstUnit(quadratic, ["SELECT "]);

        Assert.True(growth > MaxGrowth, $"'{unit}' grew {growth:F1} x");
    }

    private static void AssertLinear(Regex pattern, IReadOnlyList<string> markers)
    {
        Assert.False(pattern.Options.HasFlag(RegexOptions.NonBacktracking));
        var (unit, growth) = WorstUnit(pattern, markers);

        // Measured again before failing: a first measurement can catch the generated code before the JIT optimized it,
        // or a moment when the machine was busy (it failed once so under a full parallel build). A quadratic pattern
        // stays near 16 x in every attempt.
        for (var attempt = 0; attempt < 6 && growth > MaxGrowth; attempt++)
        {
            growth = Math.Min(growth, Growth(pattern, unit));
        }

        Assert.True(growth <= MaxGrowth, $"'{unit}' repeated over {Window} chars costs {growth:F1} x its {Window / Piece} pieces of {Piece}");
    }

    // The unit whose 16 KiB window is slowest, and how much more that window costs than its 1 KiB pieces.
    private static (string Unit, double Growth) WorstUnit(Regex pattern, IReadOnlyList<string> markers)
    {
        var words = markers.SelectMany(m => new[] { m, m.ToUpperInvariant(), char.ToUpperInvariant(m[0]) + m[1..] }).Distinct(StringComparer.Ordinal);
        var units = words.SelectMany(w => s_characters.Select(c => w + c))
            .Concat(s_characters.SelectMany(c => s_characters.Select(d => c + d)))
            .Concat(markers)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        // Screen every unit with one search of 4 KiB, then measure the three slowest carefully.
        var slowest = units.Select(u => (Unit: u, Ticks: Ticks(pattern, Repeat(u, Window / 4)))).OrderByDescending(x => x.Ticks).Take(3);
        return slowest.Select(x => (x.Unit, Growth(pattern, x.Unit))).MaxBy(x => x.Item2);
    }

    private static double Growth(Regex pattern, string unit)
    {
        var window = Repeat(unit, Window);
        var pieces = Enumerable.Range(0, Window / Piece).Select(i => window.Substring(i * Piece, Piece)).ToArray();
        long whole = long.MaxValue, parts = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            whole = Math.Min(whole, Ticks(pattern, window));
            parts = Math.Min(parts, pieces.Sum(p => Ticks(pattern, p)));
        }

        return (double)whole / Math.Max(parts, 1);
    }

    private static long Ticks(Regex pattern, string text)
    {
        var watch = Stopwatch.StartNew();
        _ = pattern.IsMatch(text);
        return watch.ElapsedTicks;
    }

    private static string Repeat(string unit, int length) =>
        string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1))[..length];
}
