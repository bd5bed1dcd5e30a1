using Gateway.Transforms.Errors;

namespace Gateway.Tests.Fuzz;

/// <summary>An upstream error response whose body embeds <see cref="Leak"/> somewhere; <see cref="Shape"/> says how.</summary>
public sealed record LeakyBody(int Status, string? ContentType, string? ContentEncoding, byte[] Body, string Leak, string Shape, ErrorProfileKind Profile)
{
    public override string ToString() =>
        $"{Status} {ContentType ?? "(none)"} {ContentEncoding ?? "identity"} [{Shape}] leak '{Leak}' in {Body.Length} bytes";
}
