namespace Gateway.Preconditions;

/// <summary>Set on a write whose preconditions the gateway checked before forwarding it.</summary>
/// <param name="TagFromUpstream">
/// True when the tag compared was the upstream's own; then the fields still reach the upstream, which may check
/// them again. False when the gateway derived it: the fields are removed, as the upstream cannot know that tag.
/// </param>
internal sealed record PreconditionCheckFeature(bool TagFromUpstream);
