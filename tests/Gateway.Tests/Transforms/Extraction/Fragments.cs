using System.Text;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>Random texts made of fragments chosen to sit on the edges of the code under test, from a fixed seed.</summary>
internal static class Fragments
{
    public static string Join(Random random, IReadOnlyList<string> fragments, int maxCount)
    {
        var text = new StringBuilder();
        var count = random.Next(maxCount + 1);
        for (var i = 0; i < count; i++)
        {
            text.Append(fragments[random.Next(fragments.Count)]);
        }

        return text.ToString();
    }
}
