using System.Text;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>One nonconforming (or conforming) upstream error response and the exact verdict expected per profile.</summary>
public sealed record CorpusCase(string Name, int Status, string? ContentType, string Body)
{
    /// <summary>Leak kinds the verdict must report at least; <see cref="LeakKinds.None"/> means exactly none.</summary>
    public LeakKinds Leaks { get; init; }

    public Expect EdFi { get; init; }

    public Expect ProblemDetails { get; init; }

    /// <summary>Bytes to send instead of the UTF-8 of <see cref="Body"/> (other charsets, binary).</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>A Content-Encoding the test applies before the body goes through the decoder.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>The body is sent as it is under the <see cref="ContentEncoding"/> label (a mislabelled upstream).</summary>
    public bool EncodingLabelOnly { get; init; }

    public bool Truncated { get; init; }

    public bool Integrity { get; init; }

    public NormalizerSettings Settings { get; init; } = NormalizerSettings.Default;

    public byte[] RawBytes => Bytes ?? Encoding.UTF8.GetBytes(Body);

    public Expect For(ErrorProfileKind kind) => kind == ErrorProfileKind.ProblemDetails ? ProblemDetails : EdFi;

    public override string ToString() => Name;

    /// <summary>A case whose verdict is the same under both profiles.</summary>
    public static CorpusCase Both(string name, int status, string? contentType, string body, LeakKinds leaks, int finalStatus, string message) =>
        new(name, status, contentType, body)
        {
            Leaks = leaks,
            EdFi = new(finalStatus, message),
            ProblemDetails = new(finalStatus, message),
        };

    /// <summary>A 5xx case: generic message for Ed-Fi's 500 and for the problem-details status.</summary>
    public static CorpusCase ServerError(string name, int status, string? contentType, string body, LeakKinds leaks) =>
        new(name, status, contentType, body)
        {
            Leaks = leaks,
            EdFi = new(500, Generic.Internal),
            ProblemDetails = status switch
            {
                502 => new(502, Generic.BadGateway),
                503 => new(503, Generic.Unavailable),
                504 => new(504, Generic.GatewayTimeout),
                _ => new(500, Generic.Internal),
            },
        };

    /// <summary>An integrity violation: 409 with the clean conflict message under both profiles.</summary>
    public static CorpusCase Conflict(string name, int status, string? contentType, string body, LeakKinds leaks) =>
        new(name, status, contentType, body)
        {
            Leaks = leaks,
            Integrity = true,
            EdFi = new(409, Generic.Integrity),
            ProblemDetails = new(409, Generic.Integrity),
        };
}
