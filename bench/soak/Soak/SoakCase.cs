namespace Bench.Soak;

/// <summary>
/// One kind of request in the mix. The driver knows what it asked the upstream for, so it knows whether a 5xx the
/// gateway answers was caused by the upstream (<see cref="UpstreamFault"/>: the upstream answered 5xx or broke the
/// connection) or by the gateway itself.
/// </summary>
/// <param name="Name">Short name in the report.</param>
/// <param name="Path">The gateway path; its last segment names the upstream behaviour.</param>
/// <param name="Credential">The API key the request presents.</param>
/// <param name="Expected">The statuses the gateway may answer.</param>
/// <param name="UpstreamFault">Whether the upstream answers 5xx or resets for this request.</param>
/// <param name="Weight">Share of the mix, relative to the other cases.</param>
/// <param name="What">What the upstream does, for the report.</param>
internal sealed record SoakCase(string Name, string Path, Credential Credential, int[] Expected, bool UpstreamFault, int Weight, string What);
