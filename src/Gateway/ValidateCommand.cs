namespace Gateway;

/// <summary><c>Gateway validate [path]</c>: checks a config file like <c>nginx -t</c>, with the server's own checks.</summary>
internal static class ValidateCommand
{
    public const string Name = "validate";

    public static async Task<int> RunAsync(string[] args)
    {
        var path = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        // Problems are printed below; the log would only repeat them as JSON.
        string[] quiet = ["--Serilog:MinimumLevel:Default", "Fatal"];
        string[] hostArgs = path is null ? [.. args, .. quiet] : ["--config", path, .. args[1..], .. quiet];
        var shownPath = Path.GetFullPath(path ?? Configuration.ConfigFileLocator.Locate(args));

        // The same host build as the server, so the same validators run, but nothing listens.
        var (app, problems) = await GatewayApp.CreateAsync(hostArgs, b => b.Logging.ClearProviders().SetMinimumLevel(LogLevel.None));
        if (app is null)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"{shownPath}: error: {problem}");
            }

            await Console.Error.WriteLineAsync($"{shownPath}: configuration test failed ({problems.Count} error{(problems.Count == 1 ? "" : "s")})");
            return 1;
        }

        await using (app)
        {
            var snapshot = app.Services.GetRequiredService<Configuration.GatewayConfigStore>().Current;
            await Console.Out.WriteLineAsync($"{shownPath}: configuration is ok ({snapshot.Routes.Count} routes, {snapshot.Clusters.Count} clusters)");
            return 0;
        }
    }
}
