using System.Collections.Frozen;
using Gateway.Transforms.Errors;

namespace Gateway.Configuration;

/// <summary>A route's settings, compiled once per config generation for the request path.</summary>
internal sealed class RoutePolicy
{
    public required ErrorProfile Profile { get; init; }

    public FrozenDictionary<int, int>? StatusMap { get; init; }

    public bool NormalizeErrors { get; init; } = true;

    public bool StripHeaders { get; init; } = true;

    public bool ShowUpstream5xxMessages { get; init; }

    /// <summary>The pure normalizer's view of this route (status overrides, 5xx message policy).</summary>
    public NormalizerSettings NormalizerSettings { get; init; } = NormalizerSettings.Default;

    /// <summary>Maps a status to what this route's clients may see.</summary>
    public int MapStatus(int status) => Profile.Map(status, StatusMap);
}
