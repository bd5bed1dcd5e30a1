namespace Gateway.Transforms.Errors;

/// <summary>What the gateway answers instead of an upstream error.</summary>
/// <param name="Status">The final status, already mapped into the profile (per-route overrides included).</param>
/// <param name="Message">
/// The client-safe message: the upstream's own when it was found and clean (and, for 5xx, allowed), otherwise the
/// generic message for <paramref name="Status"/>. It never contains anything <see cref="Scrubbing.LeakScanner"/> flags.
/// </param>
/// <param name="Leaks">What was found anywhere in the (possibly truncated) body; for the operator's log, never the client.</param>
/// <param name="PassThrough">
/// <see langword="true"/> when the upstream's body already is the profile's clean standard payload for an allowed,
/// unmapped status: the adapter forwards the upstream's bytes unchanged.
/// </param>
/// <param name="IntegrityViolation">
/// <see langword="true"/> when the body was recognised as a foreign-key, primary-key or unique-constraint violation and
/// the status was therefore turned into 409 (only when <see cref="NormalizerSettings.MapIntegrityViolationsTo409"/>).
/// </param>
public readonly record struct ErrorVerdict(int Status, string Message, LeakKinds Leaks, bool PassThrough, bool IntegrityViolation);
