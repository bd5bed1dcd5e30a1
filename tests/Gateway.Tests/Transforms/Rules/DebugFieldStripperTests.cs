using System.Buffers;
using System.Text;
using System.Text.Json;
using Gateway.Transforms.Rules;

namespace Gateway.Tests.Transforms.Rules;

public sealed class DebugFieldStripperTests
{
    [Fact]
    public void TryStrip_RemovesListedFieldsAtAnyDepth_KeepsTheRest()
    {
        var body = """{"id":7,"name":"Ada","stackTrace":"at X.Y()","items":[{"v":1.50,"Exception":{"type":"E"}}],"debug":{"sql":"SELECT 1"},"ok":true,"n":null}""";
        var output = new ArrayBufferWriter<byte>();

        Assert.True(DebugFieldStripper.TryStrip(Encoding.UTF8.GetBytes(body), DebugFieldStripper.DefaultNames, output, out var removed));

        Assert.Equal(3, removed);
        Assert.Equal("""{"id":7,"name":"Ada","items":[{"v":1.50}],"ok":true,"n":null}""", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("""{"id":7,"name":"Ada"}""")]
    [InlineData("""["stackTrace"]""")]
    [InlineData("""not json "stackTrace":1""")]
    [InlineData("")]
    public void TryStrip_NothingToRemoveOrNotJson_WritesNothing(string body)
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.False(DebugFieldStripper.TryStrip(Encoding.UTF8.GetBytes(body), DebugFieldStripper.DefaultNames, output, out _));
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void TryStrip_EscapedStringsSurvive()
    {
        var body = """{"text":"line\nbreak \"quoted\" \u00e9","trace":"x"}""";
        var output = new ArrayBufferWriter<byte>();

        Assert.True(DebugFieldStripper.TryStrip(Encoding.UTF8.GetBytes(body), DebugFieldStripper.DefaultNames, output, out _));

        using var doc = JsonDocument.Parse(output.WrittenMemory);
        Assert.Equal("line\nbreak \"quoted\" \u00e9", doc.RootElement.GetProperty("text").GetString());
        Assert.False(doc.RootElement.TryGetProperty("trace", out _));
    }
}
