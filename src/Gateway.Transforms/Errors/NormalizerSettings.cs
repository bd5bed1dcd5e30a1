namespace Gateway.Transforms.Errors;

/// <summary>Per-route settings of the error normalizer; immutable once loaded from config.</summary>
public sealed class NormalizerSettings
{
    /// <summary>The settings of a route that configures nothing.</summary>
    public static NormalizerSettings Default { get; } = new();

    /// <summary>
    /// Whether a clean upstream message may be shown on a 5xx. Default <see langword="false"/>: server errors get the
    /// generic message for their status even when the upstream's text passes the leak scan.
    /// </summary>
    public bool ShowUpstream5xxMessages { get; init; }

    /// <summary>Per-route status overrides, passed to <see cref="ErrorProfile.Map"/>; <see langword="null"/> for none.</summary>
    public IReadOnlyDictionary<int, int>? StatusMap { get; init; }

    /// <summary>
    /// Whether a referential-integrity or duplicate-key violation in an error body becomes 409 Conflict with a clean
    /// message (Ed-Fi Table 6). Default <see langword="true"/>.
    /// </summary>
    public bool MapIntegrityViolationsTo409 { get; init; } = true;
}
