using System.Collections.Frozen;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Gateway.Cors;

/// <summary>The CORS part of one config generation: compiled policies by name.</summary>
internal sealed class CorsSnapshot
{
    public static readonly CorsSnapshot Empty = new();

    public FrozenDictionary<string, CorsPolicy> Policies { get; init; } = FrozenDictionary<string, CorsPolicy>.Empty;
}
