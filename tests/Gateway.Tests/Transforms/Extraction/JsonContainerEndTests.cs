using System.Text;
using System.Text.Json;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>
/// The jump over validation entries past the kept ten (<see cref="JsonContainerEnd"/>) never changes what
/// <see cref="JsonMessageReader"/> returns: the same facts as reading every token, on seeded random lists with
/// everything the skipper must refuse (escapes, comments, trailing commas, bad numbers and literals, depth, cuts), and
/// what it vouches for is what <see cref="Utf8JsonReader"/> accepts.
/// </summary>
public class JsonContainerEndTests
{
    private static readonly JsonReaderOptions s_options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Read_RandomValidationBodies_SameFactsWithAndWithoutJumps(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 60; i++)
        {
            // Half the bodies hold only what the skipper vouches for, so it jumps, and cuts and changes land in what it
            // jumped over; the others hold escapes, comments, bad scalars and trailing commas it must refuse.
            var body = Encoding.UTF8.GetBytes(RandomBody(random, plain: i % 2 == 0));
            AssertSameFacts(body);

            // Cut edges: a body cut anywhere, and one byte changed to a structural character.
            AssertSameFacts(body.AsSpan(0, random.Next(body.Length + 1)));
            var mutated = (byte[])body.Clone();
            var replacements = "{}[],:\"\\/ 0-etn\u0001"u8;
            mutated[random.Next(mutated.Length)] = replacements[random.Next(replacements.Length)];
            AssertSameFacts(mutated);
        }
    }

    [Fact]
    public void Read_CorpusBodies_SameFactsWithAndWithoutJumps()
    {
        foreach (var body in UpstreamCorpus.All.Select(c => c.RawBytes))
        {
            AssertSameFacts(body);
        }
    }

    [Theory]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    public void Read_NestingAroundTheDepthLimitPastTheKeptEntries_SameFactsWithAndWithoutJumps(int depth)
    {
        var nested = new string('[', depth - 3) + "1" + new string(']', depth - 3);
        AssertSameFacts(Encoding.UTF8.GetBytes(Problem(12, "\"f\":" + nested)));
        AssertSameFacts(Encoding.UTF8.GetBytes("{\"errors\":[" + string.Join(",", Enumerable.Repeat("\"m\"", 12)) + "," + nested + "]}"));
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(40, 32)]
    public void Find_NestingBudget_RefusesDeeperContainers(int nesting, int deepestVouched)
    {
        for (var depth = 0; depth <= 34; depth++)
        {
            var text = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth) + "]");
            var end = JsonContainerEnd.Find(text, inObject: false, afterValue: false, nesting);
            Assert.Equal(depth <= deepestVouched ? text.Length - 1 : -1, end);
        }
    }

    [Fact]
    public void Read_LargePlainValidationList_JumpsAndKeepsTheFirstTen()
    {
        var text = Problem(5000, "\"x\":{\"a\":[1,-2.5e+3,0,true,false,null,\"s\"]}");
        var body = Encoding.UTF8.GetBytes(text);
        var facts = JsonMessageReader.Read(body);
        Assert.NotNull(facts);
        Assert.Equal(10, facts.Errors!.Split("; ").Length);
        AssertSameFacts(body);

        // The skipper vouches for the whole list: the closing brace of the errors object.
        var start = text.IndexOf("\"errors\":{", StringComparison.Ordinal) + "\"errors\":{".Length;
        var end = JsonContainerEnd.Find(body.AsSpan(start), inObject: true, afterValue: false, nesting: 60);
        Assert.Equal(text.IndexOf("},\"title\"", StringComparison.Ordinal), start + end);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Find_WhatItVouchesFor_TheReaderAccepts(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var inObject = random.Next(2) == 0;
            var members = Enumerable.Range(0, random.Next(4)).Select(_ => inObject ? Member(random, 3) : Value(random, 3)).ToList();
            var afterValue = members.Count > 0 && random.Next(2) == 0;
            var text = afterValue ? "," + string.Join(",", members) : string.Join(",", members);
            text += random.Next(4) == 0 ? "," : "";
            text += (inObject ? "}" : "]") + Noise(random);
            var bytes = Encoding.UTF8.GetBytes(text);
            var end = JsonContainerEnd.Find(bytes, inObject, afterValue, nesting: 60);
            if (end < 0)
            {
                continue;
            }

            // Put back what the reader had read before: the opening bracket, and one value when after a value.
            var head = (inObject ? "{" : "[") + (afterValue ? (inObject ? "\"k\":0" : "0") : "");
            var document = Encoding.UTF8.GetBytes(head).Concat(bytes[..(end + 1)]).ToArray();
            var reader = new Utf8JsonReader(document, s_options);
            reader.Read();
            reader.Skip();
            Assert.Equal(document.Length, (int)reader.BytesConsumed);
            Assert.Equal(inObject ? '}' : ']', (char)bytes[end]);
        }
    }

    private static void AssertSameFacts(ReadOnlySpan<byte> body)
    {
        // The reader is only given valid UTF-8 (BodyText.Utf8); a cut or a change inside a character is not that.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return;
        }

        var expected = Describe(JsonMessageReader.Read(body, jumps: false));
        Assert.Equal(expected, Describe(JsonMessageReader.Read(body, jumps: true)));
    }

    private static string Describe(JsonFacts? facts) => facts is null ? "not JSON" : string.Join(
        "|",
        facts.IsObject, facts.Errors, facts.Message, facts.ErrorObjectMessage, facts.ErrorDescription, facts.ErrorString,
        facts.Detail, facts.Title, facts.Other, facts.FieldErrors.Result, facts.Code, facts.Status, facts.HasStringType,
        facts.HasStringMessage, facts.HasStringTitle);

    private static string Problem(int count, string last) =>
        "{\"type\":\"about:blank\",\"errors\":{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"f{i}\":[\"The field is required.\"]"))
        + "," + last + "},\"title\":\"Bad\",\"status\":400}";

    // A validation body of one of the shapes the reader jumps in, long enough to be past ten entries.
    private static string RandomBody(Random random, bool plain)
    {
        var entries = string.Join(",", Enumerable.Range(0, 8 + random.Next(10)).Select(_ => random.Next(3) switch
        {
            0 => Member(random, 2, plain),
            1 => $"{Text(random, plain)}:[{string.Join(",", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Value(random, 2, plain)))}]",
            _ => $"{Text(random, plain)}:{Text(random, plain)}",
        }));
        var items = string.Join(",", Enumerable.Range(0, 8 + random.Next(10)).Select(_ => random.Next(3) == 0
            ? $"{{\"field\":{Text(random, plain)},\"message\":{Value(random, 2, plain)},\"source\":{Value(random, 1, plain)}}}"
            : Value(random, 2, plain)));
        var tail = !plain && random.Next(4) == 0 ? "," : "";
        return random.Next(4) switch
        {
            0 => $"{{\"title\":\"t\",\"errors\":{{{entries}{tail}}},\"status\":400}}",
            1 => $"{{\"errors\":[{items}{tail}],\"message\":\"m\"}}",
            2 => $"{{\"detail\":[{items}{tail}]{(plain ? "" : Noise(random))}}}",
            _ => $"{{\"other\":[{items}{tail}],\"more\":[{items}]}}",
        };
    }

    private static string Member(Random random, int depth, bool plain = false) =>
        $"{Text(random, plain)}{Space(random, plain)}:{Space(random, plain)}{Value(random, depth, plain)}";

    private static string Value(Random random, int depth, bool plain = false) => random.Next(depth > 0 ? 12 : 9) switch
    {
        0 or 1 or 2 => Text(random, plain),
        3 => random.Next(2) == 0 ? "true" : random.Next(2) == 0 ? "false" : "null",
        4 => Number(random),
        5 when !plain => random.Next(3) switch { 0 => "tru", 1 => "nul", _ => "falsey" },
        6 when !plain => random.Next(4) switch { 0 => "01", 1 => "1.", 2 => "-", _ => "1e" },
        5 or 6 or 7 or 8 => Text(random, plain),
        9 or 10 => $"[{string.Join(",", Enumerable.Range(0, random.Next(3)).Select(_ => Value(random, depth - 1, plain)))}{(!plain && random.Next(5) == 0 ? "," : "")}]",
        _ => $"{{{string.Join(",", Enumerable.Range(0, random.Next(3)).Select(_ => Member(random, depth - 1, plain)))}}}",
    };

    private static string Number(Random random) => random.Next(5) switch
    {
        0 => "0",
        1 => "-12",
        2 => "3.25",
        3 => "-0.5e-7",
        _ => "6E+2",
    };

    private static string Text(Random random, bool plain = false) => random.Next(plain ? 3 : 0, 12) switch
    {
        0 => "\"esc \\\" \\\\ \\/ \\n \\u0041\"",
        1 => "\"lone \\uD800\"",
        2 => "\"ctl \u0001\"",
        3 => "\"ünïcødé – ok\"",
        4 => "\"" + new string('w', random.Next(100)) + "\"",
        _ => "\"The field " + random.Next(1000) + " is required.\"",
    };

    private static string Space(Random random, bool plain = false) => random.Next(6) switch
    {
        0 => " \r\n\t",
        1 when !plain => "/* c */",
        2 when !plain => "//c\n",
        _ => "",
    };

    private static string Noise(Random random) => random.Next(5) switch
    {
        0 => " /* tail */ ",
        1 => ",\"k\":1",
        _ => " ",
    };
}
