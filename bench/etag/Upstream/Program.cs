// A deliberately cheap upstream for bench/etag: bodies prepared once, Content-Length set, no ETag.
var bodies = new Dictionary<string, byte[]>(StringComparer.Ordinal)
{
    ["1k"] = Body(1024),
    ["64k"] = Body(64 * 1024),
    ["1m"] = Body(1024 * 1024),
};

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
var app = builder.Build();
app.MapGet("/body/{size}", (string size, HttpContext context) =>
{
    if (!bodies.TryGetValue(size, out var body))
    {
        return Task.FromResult(Results.NotFound());
    }

    context.Response.Headers.CacheControl = "max-age=60";
    return Task.FromResult(Results.Bytes(body, "application/json"));
});
app.Run();

// JSON-looking, not all one byte, so the hash works on realistic input.
static byte[] Body(int size)
{
    var bytes = new byte[size];
    var random = new Random(size);
    for (var i = 0; i < size; i++)
    {
        bytes[i] = (byte)random.Next('a', 'z' + 1);
    }

    bytes[0] = (byte)'"';
    bytes[^1] = (byte)'"';
    return bytes;
}
