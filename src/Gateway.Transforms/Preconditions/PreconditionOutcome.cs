namespace Gateway.Transforms.Preconditions;

/// <summary>The result of evaluating a request's preconditions.</summary>
internal enum PreconditionOutcome
{
    /// <summary>All conditions hold (or none applies): perform the method.</summary>
    Proceed,

    /// <summary>GET/HEAD whose cached copy is current: 304 Not Modified.</summary>
    NotModified,

    /// <summary>A condition failed: 412 Precondition Failed, and the method is not performed.</summary>
    PreconditionFailed,
}
