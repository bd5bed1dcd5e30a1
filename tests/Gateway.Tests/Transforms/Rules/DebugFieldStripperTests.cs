using System.Buffers;
using System.Text;
using System.Text.Json;
using Gateway.Transforms.Rules;

namespace Gateway.Tests.Transforms.Rules;

public sealed class DebugFieldStripperTests
{
    [Fact]
    public void Strip_RemovesListedFieldsAtAnyDepth_KeepsTheRest()
    {
        var body = """{"id":7,"name":"Ada","stackTrace":"at X.Y()","items":[{"v":1.50,"Exception":{"type":"E"}}],"debug":{"sql":"SELECT 1"},"ok":true,"n":null}""";
        var output = new ArrayBufferWriter<byte>();

        Assert.Equal(DebugFieldStrip.Stripped, DebugFieldStripper.Strip(Encoding.UTF8.GetBytes(body), DebugFieldStripper.DefaultNames, output, out var removed));

        Assert.Equal(3, removed);
        Assert.Equal("""{"id":7,"name":"Ada","items":[{"v":1.50}],"ok":true,"n":null}""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("""{"id":7,"name":"Ada"}""")]
    [InlineData("""["stackTrace"]""")]
    [InlineData("""not json "stackTrace":1""")]
    [InlineData("")]
    public void Strip_NothingToRemoveOrNotJson_WritesNothing(string body)
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Equal(DebugFieldStrip.Unchanged, DebugFieldStripper.Strip(Encoding.UTF8.GetBytes(body), DebugFieldStripper.DefaultNames, output, out _));
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void Strip_EscapedStringsSurvive()
    {
        var body = """{"text":"line\nbreak \"quoted\" \u00e9","trace":"x"}""";
        var output = new ArrayBufferWriter<byte>();

        Assert.Equal(DebugFieldStrip.Stripped, DebugFieldStripper.Strip(Encoding.UTF8.GetBytes(body), DebugFieldStripper.DefaultNames, output, out _));

        using var doc = JsonDocument.Parse(output.WrittenMemory);
        Assert.Equal("line\nbreak \"quoted\" \u00e9", doc.RootElement.GetProperty("text").GetString());
        Assert.False(doc.RootElement.TryGetProperty("trace", out _));
    }

    [Theory]
    [InlineData("""{"a":1,"stackTrace":"x"}""", """{"a":1}""")]
    [InlineData("""{"stackTrace":"x","a":1}""", """{"a":1}""")]
    [InlineData("""{ "a" : 1 , "debug" : {"x":[1]} , "trace" : "t" }""", """{ "a" : 1   }""")]
    [InlineData("""{"debug":1,"trace":2}""", """{}""")]
    [InlineData("""{"debug":1,"trace":2,"a":3}""", """{"a":3}""")]
    [InlineData("""{"debug":1,"a":2,"trace":3}""", """{"a":2}""")]
    [InlineData("""[{"a":"\u00e9","debug":1},{"debug":1}]""", """[{"a":"\u00e9"},{}]""")]
    public void Strip_CopiesTheRestByteForByte(string body, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Equal(DebugFieldStrip.Stripped, DebugFieldStripper.Strip(Encoding.UTF8.GetBytes(body), DebugFieldStripper.DefaultNames, output, out _));

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Strip_InvalidUtf8AndLoneSurrogateElsewhere_StillDropsTheTrace()
    {
        byte[] latin1 = [.. "{\"name\":\""u8, 0xE9, .. "l\",\"stackTrace\":\"at Foo.Bar()\"}"u8];
        var surrogate = Encoding.UTF8.GetBytes("""{"name":"\ud800","st\u0061ckTrace":"at Foo.Bar()"}""");

        foreach (var body in new[] { latin1, surrogate })
        {
            var output = new ArrayBufferWriter<byte>();
            Assert.Equal(DebugFieldStrip.Stripped, DebugFieldStripper.Strip(body, DebugFieldStripper.DefaultNames, output, out var removed));
            Assert.Equal(1, removed);
            Assert.Equal(body.AsSpan(0, body.AsSpan().IndexOf((byte)',')).ToArray().Append((byte)'}'), output.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void Strip_DeepNesting_ReadUpToTheBound_TooDeepPastIt()
    {
        var deep = """{"trace":"x","p":""" + new string('[', 999) + new string(']', 999) + "}";
        var tooDeep = """{"p":""" + new string('[', 1000) + new string(']', 1000) + "}";
        var tooDeepInTrace = """{"trace":""" + new string('[', 1000) + new string(']', 1000) + "}";
        var output = new ArrayBufferWriter<byte>();

        Assert.Equal(DebugFieldStrip.Stripped, DebugFieldStripper.Strip(Encoding.UTF8.GetBytes(deep), DebugFieldStripper.DefaultNames, output, out _));
        Assert.Equal(DebugFieldStrip.TooDeep, DebugFieldStripper.Strip(Encoding.UTF8.GetBytes(tooDeep), DebugFieldStripper.DefaultNames, new ArrayBufferWriter<byte>(), out _));
        Assert.Equal(DebugFieldStrip.TooDeep, DebugFieldStripper.Strip(Encoding.UTF8.GetBytes(tooDeepInTrace), DebugFieldStripper.DefaultNames, new ArrayBufferWriter<byte>(), out _));
    }

    // UTF-16 is no UTF-8 to the reader: read as its text, the rest written as UTF-8. ISO-8859-1 is cut as its own bytes.
    [Theory]
    [InlineData("utf-16", true)]
    [InlineData("iso-8859-1", false)]
    public void Strip_BodyInItsDeclaredCharset_DropsTheTrace(string charset, bool transcoded)
    {
        var encoding = charset == "utf-16" ? Encoding.Unicode : Encoding.Latin1;
        var body = encoding.GetBytes("""{"name":"élève","stackTrace":"at X.Y()"}""");
        var output = new ArrayBufferWriter<byte>();

        var strip = DebugFieldStripper.Strip(body, "application/json; charset=" + charset, DebugFieldStripper.DefaultNames, output, out var removed, out var wasTranscoded);

        Assert.Equal(DebugFieldStrip.Stripped, strip);
        Assert.Equal(1, removed);
        Assert.Equal(transcoded, wasTranscoded);
        Assert.Equal("""{"name":"élève"}""", (transcoded ? Encoding.UTF8 : encoding).GetString(output.WrittenSpan));
    }

    [Fact]
    public void Strip_SkipsABom_AndDropsIt()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{"id":1,"debug":1}"""u8];
        var output = new ArrayBufferWriter<byte>();

        Assert.Equal(DebugFieldStrip.Stripped, DebugFieldStripper.Strip(body, DebugFieldStripper.DefaultNames, output, out _));
        Assert.Equal("""{"id":1}"""u8.ToArray(), output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData("StackTraceString")]
    [InlineData("backtrace")]
    [InlineData("stack-trace")]
    [InlineData("STACK_TRACE")]
    [InlineData("errorStack")]
    [InlineData("exception_message")]
    [InlineData("exceptionMessage")]
    [InlineData("Stacktrace")]
    public void DefaultNames_CoverCommonTraceFields(string name) => Assert.Contains(name, (IReadOnlySet<string>)DebugFieldStripper.DefaultNames);

    [Theory]
    [InlineData("message")]
    [InlineData("error")]
    [InlineData("status")]
    [InlineData("stackSize")]
    [InlineData("traceId")]
    [InlineData("errorCode")]
    public void DefaultNames_LeaveBusinessFields(string name) => Assert.DoesNotContain(name, (IReadOnlySet<string>)DebugFieldStripper.DefaultNames);
}
