namespace Gateway.Preconditions;

/// <summary>Conditional-request settings of one route: <c>Gateway:Routes:&lt;routeId&gt;:ETags</c>.</summary>
public sealed class ETagOptions
{
    /// <summary>The key of this section inside a route's settings.</summary>
    public const string SectionName = "ETags";

    /// <summary>Where ETags come from. Default <see cref="ETagMode.Passthrough"/>.</summary>
    public ETagMode Mode { get; set; } = ETagMode.Passthrough;

    /// <summary>
    /// Largest body, in bytes, the gateway buffers to derive an ETag in <see cref="ETagMode.Generate"/>; larger
    /// bodies stream without one. Default 1 MiB; between 1 and 64 MiB.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Refuse PUT, PATCH and DELETE that carry no <c>If-Match</c> (the Ed-Fi rule); a create-only PUT with
    /// <c>If-None-Match: *</c> is accepted. Answered as 428, which both profiles map to 412. Ignored in
    /// <see cref="ETagMode.Off"/>. Default false.
    /// </summary>
    public bool RequireIfMatchOnUpdates { get; set; }

    /// <summary>Serialization of check-then-forward per resource. Default <see cref="ETagLockMode.Local"/>.</summary>
    public ETagLockMode Lock { get; set; } = ETagLockMode.Local;

    /// <summary>Answers revalidations from recently seen tags without the upstream; off unless <c>Seconds</c> is set.</summary>
    public ValidatorCacheOptions ValidatorCache { get; set; } = new();
}
