using Bench.Upstream;

// A deliberately cheap upstream, so that what the benchmark sees is the proxy's cost, not the backend's.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var responses = PreparedResponses.Create();
app.Run(context =>
{
    if (!responses.TryGetValue(context.Request.Path.Value ?? "/", out var prepared))
    {
        prepared = responses[PreparedResponses.NotFoundPath];
    }

    return prepared.WriteAsync(context);
});

app.Run();
