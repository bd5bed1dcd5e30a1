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
