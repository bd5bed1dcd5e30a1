using System.Text;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>The byte search ignoring case finds what a naive comparison at every position finds first.</summary>
public class AsciiSearchTests
{
    private static readonly string[] s_fragments = ["<", "h", "H", "1", "<h", "<H1", "</", "</h1", "</H1", "<t", "<TITLE", "<tItLe", "x", "é", "ı", " "];

    [Fact]
    public void IndexOfIgnoreCase_RandomText_FirstPositionANaiveSearchFinds()
    {
        var random = new Random(20261206);
        string[] values = ["<h1", "</h1", "<title", "</title", "</", "x"];
        for (var i = 0; i < 5000; i++)
        {
            var text = Encoding.UTF8.GetBytes(Fragments.Join(random, s_fragments, 20));
            foreach (var value in values)
            {
                var bytes = Encoding.ASCII.GetBytes(value);
                Assert.Equal(Naive(text, bytes), AsciiSearch.IndexOfIgnoreCase(text, bytes));
            }
        }
    }

    // The two spellings are searched 4 KiB at a time: matches across a chunk's end, decoys of either spelling before it.
    [Theory]
    [InlineData("x")]
    [InlineData("<hx")]
    [InlineData("<Hx<ht")]
    public void IndexOfIgnoreCase_AroundChunkEnds_FirstPositionANaiveSearchFinds(string decoy)
    {
        foreach (var at in new[] { 0, 1, 4093, 4094, 4095, 4096, 4097, 8190, 8191, 8192, 12000 })
        {
            foreach (var spelling in new[] { "<h1", "<H1" })
            {
                var filler = string.Concat(Enumerable.Repeat(decoy, at / decoy.Length + 1))[..at];
                var text = Encoding.ASCII.GetBytes(filler + spelling + filler);
                var value = "<h1"u8.ToArray();
                Assert.Equal(Naive(text, value), AsciiSearch.IndexOfIgnoreCase(text, value));
                Assert.Equal(-1, AsciiSearch.IndexOfIgnoreCase(Encoding.ASCII.GetBytes(filler), value));
            }
        }
    }

    // Successive calls resume where each spelling stopped looking: together they still find every position, in order.
    [Fact]
    public void Next_Repeatedly_EveryPositionANaiveSearchFinds()
    {
        var random = new Random(20261207);
        string[] values = ["<h1", "</h1", "<title", "x"];
        for (var i = 0; i < 3000; i++)
        {
            var text = Encoding.UTF8.GetBytes(Fragments.Join(random, s_fragments, 30));
            foreach (var value in values)
            {
                var bytes = Encoding.ASCII.GetBytes(value);
                var expected = new List<int>();
                for (var from = 0; (from = NaiveFrom(text, bytes, from)) >= 0; from++)
                {
                    expected.Add(from);
                }

                Assert.Equal(expected, AllByNext(text, bytes));
            }
        }
    }

    private static List<int> AllByNext(byte[] text, byte[] value)
    {
        var found = new List<int>();
        var search = new AsciiSearch(text, value, stackalloc byte[AsciiSearch.MaxAnchor]);
        for (var at = search.Next(0); at >= 0; at = search.Next(at + 1))
        {
            found.Add(at);
        }

        return found;
    }

    private static int NaiveFrom(byte[] text, byte[] value, int from)
    {
        var at = from > text.Length ? -1 : Naive(text[from..], value);
        return at < 0 ? -1 : from + at;
    }

    private static int Naive(byte[] text, byte[] value)
    {
        for (var i = 0; i + value.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.AsSpan(i, value.Length), value))
            {
                return i;
            }
        }

        return -1;
    }
}
