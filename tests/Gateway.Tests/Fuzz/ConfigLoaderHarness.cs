using Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Fuzz;

/// <summary>
/// The loader wired the way the gateway wires it (<c>AddGateway</c>: YARP's validator with the gateway's transform
/// provider, auth and rate limiting), so a fuzzed file goes through every check the server makes.
/// </summary>
internal static class ConfigLoaderHarness
{
    private static readonly Lazy<ConfigLoader> s_loader = new(() =>
        new ServiceCollection().AddLogging().AddGateway("/nonexistent/gateway.json").BuildServiceProvider().GetRequiredService<ConfigLoader>());

    /// <summary>Loads the bytes; what escapes the loader is returned, not thrown, so a property can report it.</summary>
    public static (ConfigLoadResult? Result, Exception? Escaped) Load(byte[] bytes)
    {
        try
        {
            return (s_loader.Value.LoadAsync(bytes, generation: 1, CancellationToken.None).GetAwaiter().GetResult(), null);
        }
#pragma warning disable CA1031 // The point: any exception at all is the finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null, ex);
        }
    }

    /// <summary>Why the outcome breaks the loader's contract, or null when it keeps it.</summary>
    public static string? Violation((ConfigLoadResult? Result, Exception? Escaped) outcome) => outcome switch
    {
        (_, { } ex) => $"escaped: {ex.GetType().Name}: {ex.Message}",
        ({ Snapshot: not null, Problems.Count: > 0 } r, _) => $"a snapshot and {r.Problems.Count} problems",
        ({ Snapshot: null, Problems.Count: 0 }, _) => "neither a snapshot nor a problem",
        ({ } r, _) when r.Problems.FirstOrDefault(p => p.Path is null || string.IsNullOrWhiteSpace(p.Message)) is { } p => $"problem without a message: '{p}'",
        _ => null,
    };
}
