using Gateway.Configuration;

namespace Gateway.Preconditions;

/// <summary>Checks a route's <see cref="ETagOptions"/>; each problem carries its configuration path.</summary>
internal static class ETagOptionsValidator
{
    public const int MinBodyBytes = 1;
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    /// <param name="options">The route's settings.</param>
    /// <param name="routePath">The route's path, e.g. <c>Gateway:Routes:students</c>.</param>
    /// <param name="problems">Where problems are added.</param>
    public static void Validate(ETagOptions options, string routePath, List<ConfigProblem> problems)
    {
        var path = $"{routePath}:{ETagOptions.SectionName}";
        if (!Enum.IsDefined(options.Mode))
        {
            problems.Add(new($"{path}:Mode", "must be Passthrough, Generate or Off"));
        }

        if (!Enum.IsDefined(options.Lock))
        {
            problems.Add(new($"{path}:Lock", "must be None or Local (a cross-replica lock is not built in; see docs/etags.md)"));
        }

        if (options.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytes)
        {
            problems.Add(new($"{path}:MaxBodyBytes", $"must be between {MinBodyBytes} and {MaxBodyBytes}"));
        }
    }
}
