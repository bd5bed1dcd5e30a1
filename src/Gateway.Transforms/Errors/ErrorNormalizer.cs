using Gateway.Transforms.Extraction;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Transforms.Errors;

/// <summary>
/// Decides what a client sees instead of an upstream error: the final status, a clean message, and whether the
/// upstream's bytes may pass unchanged. Pure: no I/O, deterministic, culture-invariant, and it never throws on input.
/// </summary>
public static class ErrorNormalizer
{
    /// <summary>The message of an integrity violation turned into 409; it names no constraint, key or table.</summary>
    public const string IntegrityViolationMessage = "The request conflicts with existing data.";

    private const int Conflict = 409;

    /// <summary>Classifies an upstream error response.</summary>
    /// <param name="upstreamStatus">The upstream's status code.</param>
    /// <param name="contentType">The upstream's <c>Content-Type</c>; may be missing or wrong, the body is sniffed.</param>
    /// <param name="body">
    /// The decoded (identity) body, or its first bytes when <paramref name="truncated"/>. Any bytes are accepted:
    /// invalid UTF-8, binary, malformed or deeply nested JSON and XML.
    /// </param>
    /// <param name="truncated">
    /// Whether <paramref name="body"/> is only a prefix. Then no message is read from it (the generic one is used), but
    /// leaks and integrity violations in the prefix still count.
    /// </param>
    /// <param name="profile">The route's error profile.</param>
    /// <param name="settings">The route's normalizer settings.</param>
    /// <returns>The verdict; its message is always clean for <see cref="LeakScanner"/>.</returns>
    public static ErrorVerdict Normalize(
        int upstreamStatus,
        string? contentType,
        ReadOnlySpan<byte> body,
        bool truncated,
        ErrorProfile profile,
        NormalizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(settings);

        var media = MediaType.Parse(contentType);
        var multipart = MultipartRoot.Find(media, contentType, body);
        if (multipart is var (root, rootType))
        {
            // MTOM: the fault is the root part's envelope; never a conforming payload.
            body = body[root];
            media = MediaType.Parse(rootType);
        }

        // A 5xx's own words are not shown by default, so they are not read: the scan still sees every byte of the body.
        var mayShowUpstream = settings.ShowUpstream5xxMessages || (upstreamStatus < 500 && profile.Map(upstreamStatus, settings.StatusMap) < 500);
        var inspection = BodyInspector.Inspect(upstreamStatus, body, media, truncated, readMessage: mayShowUpstream);

        // Ed-Fi Table 6 asks for 409 when a write collides with existing data; legacy services answer 500.
        var integrity = settings.MapIntegrityViolationsTo409 && upstreamStatus >= 400 && inspection.IntegrityViolation;
        var status = profile.Map(integrity ? Conflict : upstreamStatus, settings.StatusMap);
        var serverError = upstreamStatus >= 500 || status >= 500;
        var mayShow = !serverError || settings.ShowUpstream5xxMessages;

        var (upstreamMessage, rawMessage) = inspection.Message;

        // Cleaning leaves most messages as they were: then one scan of them is enough. Otherwise the raw one is read
        // unescaped too: a cut can end inside an escaped leak ("type \u0027Null\u0027 … of type…").
        var messageLeaks = upstreamMessage is null ? LeakKinds.None
            : (string.Equals(rawMessage, upstreamMessage, StringComparison.Ordinal) ? LeakKinds.None : LeakScanner.Scan(rawMessage) | EscapedText.Scan(rawMessage ?? ""))
                | LeakScanner.Scan(upstreamMessage) | EscapedText.Scan(upstreamMessage);
        var leaks = inspection.Leaks | messageLeaks;
        var clean = upstreamMessage is not null && messageLeaks == LeakKinds.None && !inspection.IsDump;

        var message = integrity ? IntegrityViolationMessage
            : clean && mayShow ? upstreamMessage!
            : GenericMessage(upstreamStatus, status);

        var passThrough = !integrity
            && !truncated
            && multipart is null
            && mayShow
            && leaks == LeakKinds.None
            && status == upstreamStatus
            && profile.Allows(upstreamStatus)
            && profile.CarriesBody(upstreamStatus)
            && StandardShape.Matches(profile, media, inspection.Json, upstreamStatus)
            && StandardShape.IsStrictObject(profile, body);

        return new ErrorVerdict(status, message, leaks, passThrough, integrity);
    }

    // A client error's own status tells the client what to change (413 → 400: "The request body is too large.");
    // a server error's only that it failed, so 5xx keep the final status's text.
    private static string GenericMessage(int upstreamStatus, int status) =>
        upstreamStatus is >= 400 and < 500 && status is >= 400 and < 500 && StatusDefaults.IsKnown(upstreamStatus)
            ? StatusDefaults.GenericMessage(upstreamStatus)
            : StatusDefaults.GenericMessage(status);
}
