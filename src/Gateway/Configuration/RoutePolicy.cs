using System.Collections.Frozen;
using Gateway.Preconditions;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Rules;

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

    /// <summary>The pure normalizer's view of this route (status overrides, 5xx message policy).</summary>
    public NormalizerSettings NormalizerSettings { get; init; } = NormalizerSettings.Default;

    public IReadOnlyList<ResponseRule> Rules { get; init; } = [];

    /// <summary>Whether some rule looks at success (&lt; 400) responses, whose bodies then must be read.</summary>
    public bool HasSuccessRules { get; init; }

    /// <summary>Field names dropped from JSON success bodies; null when the route does not strip.</summary>
    public FrozenSet<string>? DebugFieldNames { get; init; }

    public bool SuccessConformance { get; init; }

    /// <summary>Whether a 2xx body with debug output is answered as the profile's 500.</summary>
    public bool RejectDebugOutput { get; init; }

    /// <summary>Whether a 2xx SOAP fault is answered as the error it stands for.</summary>
    public bool SoapFaultsAreErrors { get; init; }

    public bool ValidateJsonRequestBody { get; init; }

    /// <summary>Whether success bodies of this route must be read (bounded) before they go to the client.</summary>
    public bool InspectsSuccessBodies => HasSuccessRules || DebugFieldNames is not null || RejectDebugOutput || SoapFaultsAreErrors;

    /// <summary>Maps a status to what this route's clients may see.</summary>
    public int MapStatus(int status) => Profile.Map(status, StatusMap);
}
