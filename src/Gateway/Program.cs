using Gateway;
using Gateway.Logging;

if (args is [ValidateCommand.Name, ..])
{
    return await ValidateCommand.RunAsync(args[1..]);
}

var (app, problems) = await GatewayApp.CreateAsync(args);
if (app is null)
{
    // An invalid file at startup stops the gateway, with the same messages the validate command prints.
    using var log = GatewayLogging.CreateBootstrapLogger();
    foreach (var problem in problems)
    {
        log.Error("Invalid gateway config: {Problem}", problem);
    }

    return 1;
}

var started = app.Lifetime.ApplicationStarted;
try
{
    await app.RunAsync();
}
catch (Exception) when (!started.IsCancellationRequested)
{
    // The host could not start (address in use, one it cannot bind) and logged "Hosting failed to start" with the
    // cause: exit 1 like an invalid config, not an abort with a raw stack trace.
    return 1;
}

return 0;
