using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Jwt;

/// <summary>Builds JwtBearer's options from compiled settings: pinned algorithms, short skew, no inbound claim mapping.</summary>
internal sealed class JwtBearerOptionsFactory(TimeProvider time) : IDisposable
{
    // One client for every generation's discovery and JWKS reads; bounded in time and size.
    private readonly HttpClient _metadataClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
        MaxResponseContentBufferSize = 1024 * 1024,
    };

    public JwtBearerOptions Create(JwtSettings settings)
    {
        var options = new JwtBearerOptions
        {
            MapInboundClaims = false,
            RefreshOnIssuerKeyNotFound = true,
            IncludeErrorDetails = false, // the gateway writes its own challenge
            SaveToken = false,
            TimeProvider = time,
            RequireHttpsMetadata = settings.RequireHttpsMetadata,
            TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = settings.Issuer,
                ValidateAudience = true,
                ValidAudiences = settings.Audiences,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = settings.ClockSkew,
                RequireSignedTokens = true,
                ValidAlgorithms = settings.Algorithms,
                IssuerSigningKeys = settings.SigningKeys,
                // A kid only selects among known keys: an unknown one is refused, not tried against every key.
                IssuerSigningKeyResolverUsingConfiguration = SigningKeyResolver.Resolve,
                TryAllIssuerSigningKeys = false,
                NameClaimType = GatewayClaims.Subject,
                RoleClaimType = GatewayClaims.Role,
            },
        };

        if (settings.MetadataAddress is { } address)
        {
            var retriever = new HttpDocumentRetriever(_metadataClient) { RequireHttps = settings.RequireHttpsMetadata };
            options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(), retriever)
            {
                AutomaticRefreshInterval = settings.AutomaticRefreshInterval,
                // An unknown kid asks for a refresh; this is the least time between two such refreshes.
                RefreshInterval = settings.RefreshInterval,
                // A key the issuer removed from its JWKS must stop working at once, not live on as "last known good".
                UseLastKnownGoodConfiguration = false,
            };
        }

        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new CachingJsonWebTokenHandler(settings.Claims, settings.CacheMaxEntries, settings.ClockSkew, time)
        {
            MaximumTokenSizeInBytes = settings.MaxTokenBytes,
        });
        return options;
    }

    public void Dispose() => _metadataClient.Dispose();
}
