using Gateway.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Gateway.Auth.Jwt;

/// <summary>
/// JwtBearer's options, read from the config generation in force so that key and issuer edits apply without a
/// restart. Options are rebuilt only when the JWT settings themselves change; otherwise the running handler keeps
/// its discovery document, JWKS and token cache.
/// </summary>
internal sealed class JwtBearerOptionsMonitor(GatewaySnapshotAccessor snapshot, JwtBearerOptionsFactory factory) : IOptionsMonitor<JwtBearerOptions>
{
    private static readonly JwtBearerOptions s_disabled = new();

    private readonly Lock _lock = new();
    private State? _state;

    public JwtBearerOptions CurrentValue => Get(Microsoft.Extensions.Options.Options.DefaultName);

    public JwtBearerOptions Get(string? name)
    {
        var settings = snapshot.Current.Auth.Jwt;
        var state = Volatile.Read(ref _state);
        if (state is not null && ReferenceEquals(state.Source, settings))
        {
            return state.Options;
        }

        lock (_lock)
        {
            state = _state;
            if (state is not null && ReferenceEquals(state.Source, settings))
            {
                return state.Options;
            }

            JwtBearerOptions options;
            if (settings is null)
            {
                options = s_disabled;
            }
            else if (state is not null && state.Source?.Fingerprint == settings.Fingerprint)
            {
                options = state.Options; // an edit elsewhere in the file
            }
            else
            {
                options = factory.Create(settings);
            }

            if (state is not null && !ReferenceEquals(state.Options, options))
            {
                foreach (var handler in state.Options.TokenHandlers.OfType<CachingJsonWebTokenHandler>())
                {
                    handler.ClearCache();
                }
            }

            Volatile.Write(ref _state, new State(settings, options));
            return options;
        }
    }

    public IDisposable? OnChange(Action<JwtBearerOptions, string?> listener) => null;

    private sealed record State(JwtSettings? Source, JwtBearerOptions Options);
}
