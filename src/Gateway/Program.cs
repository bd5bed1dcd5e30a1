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

await app.RunAsync();
return 0;
