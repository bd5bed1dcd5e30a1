using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Generators;

/// <summary>A sentence of ordinary words and numbers, the kind a client message is made of.</summary>
public sealed record CleanSentence(string Text)
{
    public override string ToString() => Text;
}

/// <summary>Clean text with generated stack frames embedded somewhere in it.</summary>
public sealed record TraceInText(string Text, string Trace)
{
    public override string ToString() => Text;
}

/// <summary>Any upstream response at all: status, content type, body bytes, truncation and profile.</summary>
public sealed record AnyResponse(int Status, string? ContentType, byte[] Body, bool Truncated, ErrorProfileKind Profile)
{
    public override string ToString() =>
        $"{Status} {ContentType ?? "(none)"} truncated={Truncated} {Profile} body={Convert.ToHexString(Body.AsSpan(0, Math.Min(Body.Length, 512)))}";
}
