using System.Collections.Frozen;
using Gateway.Preconditions;
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

    public ETagPolicy ETags { get; init; } = ETagPolicy.Default;

    /// <summary>Maps a status to what this route's clients may see.</summary>
    public int MapStatus(int status) => Profile.Map(status, StatusMap);
}
