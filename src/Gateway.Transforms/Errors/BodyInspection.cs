using Gateway.Transforms.Extraction;

namespace Gateway.Transforms.Errors;

/// <summary>Everything the normalizer learned from one body.</summary>
/// <param name="Format">What the body turned out to be.</param>
/// <param name="Message">The message chosen from the body (none when truncated or unreadable).</param>
/// <param name="Json">The JSON facts, for well-formed JSON bodies that were read in full.</param>
/// <param name="Leaks">Leaks anywhere in the body, raw or after unescaping.</param>
/// <param name="IntegrityViolation">Whether the body reports a key or constraint violation.</param>
internal sealed record BodyInspection(
    BodyFormat Format,
    ChosenMessage Message,
    JsonFacts? Json,
    LeakKinds Leaks,
    bool IntegrityViolation)
{
    /// <summary>
    /// A leaky page or text dump: its headline or first line belongs to the dump (the exception's own message, a
    /// framework's debug title), so it is not shown even when it looks clean. JSON and XML keep a clean message beside
    /// a leaky member, because there the fields are separate by construction (a SOAP fault's <c>faultstring</c> beside
    /// the stack trace in its <c>detail</c>); the message is scanned on its own.
    /// </summary>
    public bool IsDump =>
        Leaks != LeakKinds.None
        && (Format is not (BodyFormat.Json or BodyFormat.Xml) || (Leaks & LeakKinds.DebugPage) != 0);
}
