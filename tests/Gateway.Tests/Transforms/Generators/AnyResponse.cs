using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Generators;

/// <summary>Any upstream response at all: status, content type, body bytes, truncation and profile.</summary>
public sealed record AnyResponse(int Status, string? ContentType, byte[] Body, bool Truncated, ErrorProfileKind Profile)
{
    public override string ToString() =>
        $"{Status} {ContentType ?? "(none)"} truncated={Truncated} {Profile} body={Convert.ToHexString(Body.AsSpan(0, Math.Min(Body.Length, 512)))}";
}
