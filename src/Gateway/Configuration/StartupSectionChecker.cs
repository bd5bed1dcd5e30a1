using System.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Serilog.Events;

namespace Gateway.Configuration;

/// <summary>
/// The startup-only sections the host binds itself (<c>Kestrel</c> limits, endpoints and socket settings, the
/// <c>Serilog</c> levels): checked with the rest of the file, so a value the host cannot take is a problem with its
/// path, at startup, in <c>validate</c> and on reload (where it would break the next restart), not an unhandled
/// exception while the host is built.
/// </summary>
internal static class StartupSectionChecker
{
    private const string Kestrel = "Kestrel";

    public static void Check(IConfiguration candidate, List<ConfigProblem> problems)
    {
        CheckKestrel(candidate.GetSection(Kestrel), problems);
        CheckSerilogLevels(candidate.GetSection("Serilog:MinimumLevel"), problems);
    }

    private static void CheckKestrel(IConfigurationSection kestrel, List<ConfigProblem> problems)
    {
        foreach (var (path, value) in kestrel.AsEnumerable())
        {
            if (value is null || IsUnder(path, "Endpoints") || IsUnder(path, "EndpointDefaults") || IsUnder(path, "Certificates"))
            {
                continue; // endpoints are read by Kestrel's loader, checked below
            }

            // One value at a time, so the problem names its key (the binder's own error may not).
            var single = new ConfigurationBuilder().AddInMemoryCollection([new(path, value)]).Build();
            try
            {
                single.GetSection(Kestrel).Bind(new KestrelServerOptions());
                single.GetSection($"{Kestrel}:Sockets").Bind(new SocketTransportOptions());
            }
            catch (Exception ex) when (ex is InvalidOperationException or TargetInvocationException or ArgumentException or FormatException)
            {
                problems.Add(new(path, $"'{value}' is not a valid value ({ex.GetBaseException().Message.ReplaceLineEndings(" ")})"));
            }
        }

        foreach (var endpoint in kestrel.GetSection("Endpoints").GetChildren())
        {
            var url = endpoint["Url"];
            try
            {
                _ = BindingAddress.Parse(url ?? throw new FormatException("required"));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                problems.Add(new($"{endpoint.Path}:Url", url is null ? "is required" : $"'{url}' is not an address Kestrel can listen on"));
            }
        }
    }

    // Serilog refuses an unknown level name with an exception when the host is built; "$name" refers to a level switch.
    private static void CheckSerilogLevels(IConfigurationSection minimumLevel, List<ConfigProblem> problems)
    {
        var levels = minimumLevel.Value is not null
            ? [minimumLevel]
            : minimumLevel.GetSection("Override").GetChildren().Prepend(minimumLevel.GetSection("Default"));
        foreach (var level in levels)
        {
            if (level.Value is { } value && !value.StartsWith('$') && !Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out _))
            {
                problems.Add(new(level.Path, $"'{value}' is not a Serilog level (Verbose, Debug, Information, Warning, Error, Fatal)"));
            }
        }
    }

    private static bool IsUnder(string path, string child) =>
        path.StartsWith($"{Kestrel}:{child}", StringComparison.OrdinalIgnoreCase);
}
