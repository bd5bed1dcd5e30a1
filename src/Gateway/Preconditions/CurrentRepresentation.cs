using Gateway.Transforms.Preconditions;

namespace Gateway.Preconditions;

/// <summary>What a probe GET learned about the target resource before a write.</summary>
/// <param name="State">The resource state for the evaluator; meaningful when <see cref="FailureStatus"/> is null.</param>
/// <param name="TagFromUpstream">True when the tag was the upstream's own <c>ETag</c>.</param>
/// <param name="FailureStatus">The status to answer when the state could not be read (upstream 401/403, or 502).</param>
internal sealed record CurrentRepresentation(ResourceState State, bool TagFromUpstream, int? FailureStatus)
{
    public static CurrentRepresentation Missing { get; } = new(ResourceState.Missing, false, null);

    public static CurrentRepresentation Failed(int status) => new(ResourceState.Missing, false, status);
}
