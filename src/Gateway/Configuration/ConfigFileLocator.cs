namespace Gateway.Configuration;

/// <summary>Finds the config file: <c>--config &lt;path&gt;</c>, then <c>GATEWAY_CONFIG</c>, then <c>gateway.json</c>.</summary>
internal static class ConfigFileLocator
{
    public const string EnvironmentVariable = "GATEWAY_CONFIG";
    public const string DefaultFileName = "gateway.json";

    public static string Locate(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--config" or "-c" && i + 1 < args.Count)
            {
                return Path.GetFullPath(args[i + 1]);
            }

            if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                return Path.GetFullPath(args[i]["--config=".Length..]);
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultFileName : fromEnvironment);
    }

    /// <summary>The arguments without <c>--config</c>, so the host's command-line parser does not see them twice.</summary>
    public static string[] WithoutConfigArgument(IReadOnlyList<string> args)
    {
        var rest = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--config" or "-c")
            {
                i++;
                continue;
            }

            if (!args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                rest.Add(args[i]);
            }
        }

        return [.. rest];
    }
}
