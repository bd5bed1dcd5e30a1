using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Gateway.Configuration;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Cors;

/// <summary>
/// Checks and compiles the CORS policies of one config generation, and the routes' <c>CorsPolicy</c> names. YARP keeps
/// the name on the route (its endpoint then carries the CORS metadata, and accepts preflights on routes limited to some
/// methods); <see cref="GatewayCorsPolicyProvider"/> resolves it in the generation in force.
/// </summary>
internal static partial class CorsConfigCompiler
{
    public const string RouteField = "CorsPolicy";

    // YARP's special values: the CORS default policy (the gateway has none) and "answer no CORS here".
    private const string DefaultName = "default";
    private const string DisableName = "disable";

    private const int MaxAgeLimitSeconds = 86_400;

    public static CorsSnapshot Compile(GatewayOptions options, IReadOnlyList<RouteConfig> routes, List<ConfigProblem> problems)
    {
        const string Root = GatewayCorsOptions.SectionName;
        var policies = new Dictionary<string, CorsPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, policy) in options.Cors.Policies)
        {
            var path = $"{Root}:Policies:{name}";
            if (!PolicyName().IsMatch(name) || IsReserved(name))
            {
                problems.Add(new(path, "a policy name is 1-64 letters, digits, '.', '_' or '-', and not 'default' or 'disable'"));
                continue;
            }

            if (CompilePolicy(policy, path, problems) is { } compiled)
            {
                policies[name] = compiled;
            }
        }

        foreach (var route in routes)
        {
            var name = route.CorsPolicy;
            if (string.IsNullOrEmpty(name) || name.Equals(DisableName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = $"ReverseProxy:Routes:{route.RouteId}:{RouteField}";
            if (name.Equals(DefaultName, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(path, $"the gateway has no default CORS policy; name one of {Root}:Policies"));
            }
            else if (!options.Cors.Policies.ContainsKey(name))
            {
                problems.Add(new(path, $"there is no policy '{name}' in {Root}:Policies"));
            }
        }

        return new CorsSnapshot { Policies = policies.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) };
    }

    /// <summary>The routes as YARP's validator is shown them: it would look this file's policy names up in the generation
    /// still in force, so they are checked by <see cref="Compile"/> instead.</summary>
    public static IReadOnlyList<RouteConfig> ForValidation(IReadOnlyList<RouteConfig> routes) =>
        routes.Select(r => string.IsNullOrEmpty(r.CorsPolicy) || r.CorsPolicy.Equals(DisableName, StringComparison.OrdinalIgnoreCase)
            ? r
            : r with { CorsPolicy = null }).ToList();

    private static CorsPolicy? CompilePolicy(CorsPolicyOptions options, string path, List<ConfigProblem> problems)
    {
        var before = problems.Count;
        var builder = new CorsPolicyBuilder();

        var origins = options.AllowedOrigins;
        if (origins.Count == 0)
        {
            problems.Add(new($"{path}:AllowedOrigins", "at least one origin (or \"*\") is required"));
        }
        else if (origins.Contains(CorsConstants.AnyOrigin))
        {
            if (origins.Count > 1)
            {
                problems.Add(new($"{path}:AllowedOrigins", "\"*\" allows every origin and must stand alone"));
            }
            else if (options.AllowCredentials)
            {
                // The Fetch standard refuses credentialed answers with "*"; reflecting any origin instead would hand
                // every site the caller's cookies.
                problems.Add(new($"{path}:AllowCredentials", "cannot be true when AllowedOrigins is \"*\"; list the origins"));
            }

            builder.AllowAnyOrigin();
        }
        else
        {
            for (var i = 0; i < origins.Count; i++)
            {
                if (!IsOrigin(origins[i]))
                {
                    problems.Add(new($"{path}:AllowedOrigins:{i}", $"'{origins[i]}' is not an origin (scheme://host[:port], no path)"));
                }
            }

            builder.WithOrigins([.. origins]);
        }

        if (IsAny(options.AllowedMethods, $"{path}:AllowedMethods", problems))
        {
            builder.AllowAnyMethod();
        }
        else
        {
            CheckTokens(options.AllowedMethods, $"{path}:AllowedMethods", "method", problems);
            builder.WithMethods([.. options.AllowedMethods]);
        }

        if (IsAny(options.AllowedHeaders, $"{path}:AllowedHeaders", problems))
        {
            builder.AllowAnyHeader();
        }
        else
        {
            CheckTokens(options.AllowedHeaders, $"{path}:AllowedHeaders", "header name", problems);
            builder.WithHeaders([.. options.AllowedHeaders]);
        }

        CheckTokens(options.ExposedHeaders, $"{path}:ExposedHeaders", "header name", problems);
        builder.WithExposedHeaders([.. options.ExposedHeaders]);

        if (options.AllowCredentials)
        {
            builder.AllowCredentials();
        }

        if (options.MaxAgeSeconds is { } maxAge)
        {
            if (maxAge is < 0 or > MaxAgeLimitSeconds)
            {
                problems.Add(new($"{path}:MaxAgeSeconds", $"must be between 0 and {MaxAgeLimitSeconds}"));
            }
            else
            {
                builder.SetPreflightMaxAge(TimeSpan.FromSeconds(maxAge));
            }
        }

        return problems.Count == before ? builder.Build() : null;
    }

    // "*" means any, and only alone.
    private static bool IsAny(List<string> values, string path, List<ConfigProblem> problems)
    {
        if (!values.Contains("*"))
        {
            return false;
        }

        if (values.Count > 1)
        {
            problems.Add(new(path, "\"*\" allows every value and must stand alone"));
        }

        return true;
    }

    private static void CheckTokens(List<string> values, string path, string what, List<ConfigProblem> problems)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]) || !GatewayOptionsValidator.IsToken(values[i]))
            {
                problems.Add(new($"{path}:{i}", $"'{values[i]}' is not a valid {what}"));
            }
        }
    }

    // An origin as browsers send it (RFC 6454): http or https, a host, maybe a port, nothing after.
    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0
        && string.Equals(value.TrimEnd('/'), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
        && !value.EndsWith('/');

    private static bool IsReserved(string name) =>
        name.Equals(DefaultName, StringComparison.OrdinalIgnoreCase) || name.Equals(DisableName, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyName();
}
