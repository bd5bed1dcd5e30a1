using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// A legacy CRUD upstream over <c>/api/items/{id}</c> with an in-memory store. ETag-less (the usual legacy case:
/// Last-Modified only, preconditions ignored, GET only, no HEAD) or ETag-aware (sends <c>"v{version}"</c> tags,
/// checks If-Match/If-None-Match/If-Unmodified-Since on writes itself and answers a raw HTML 412, but ignores
/// preconditions on GET). Both send caching headers a 304 must keep.
/// </summary>
public sealed class ItemsUpstream : IAsyncDisposable
{
    /// <summary>Last-Modified of version 1; each later version is one minute later.</summary>
    public static readonly DateTimeOffset BaseDate = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, Item> _items = new();

    private ItemsUpstream()
    {
    }

    public FakeLegacyUpstream Fake { get; private set; } = null!;

    public string Address => Fake.Address;

    /// <summary>Delay inside every write handler, to widen race windows.</summary>
    public TimeSpan WriteDelay { get; set; }

    /// <summary>Awaited inside every write handler before it touches the store (e.g. a barrier).</summary>
    public Func<CancellationToken, Task>? BeforeWrite { get; set; }

    public static async Task<ItemsUpstream> StartAsync(bool etagAware)
    {
        var upstream = new ItemsUpstream();
        upstream.Fake = await FakeLegacyUpstream.StartAsync(app =>
        {
            if (etagAware)
            {
                app.MapMethods("/api/items/{id}", ["GET", "HEAD"], (string id, HttpContext c) => upstream.Get(id, c, etagAware));
            }
            else
            {
                app.MapGet("/api/items/{id}", (string id, HttpContext c) => upstream.Get(id, c, etagAware));
            }

            app.MapMethods("/api/items/{id}", ["PUT", "PATCH", "DELETE"], (string id, HttpContext c) => upstream.WriteAsync(id, c, etagAware));
        });
        return upstream;
    }

    public void Seed(string id, string name) => _items[id] = new Item(name, 1);

    public Item? Find(string id) => _items.TryGetValue(id, out var item) ? item : null;

    public static string BodyOf(string id, Item item) => $$"""{"id":"{{id}}","name":"{{item.Name}}","version":{{item.Version}}}""";

    public static string LastModifiedOf(Item item) =>
        BaseDate.AddMinutes(item.Version - 1).ToString("r", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync() => await Fake.DisposeAsync();

    private IResult Get(string id, HttpContext context, bool etagAware)
    {
        if (Find(id) is not { } item)
        {
            return Results.Text("<html><body><h1>404 - File or directory not found.</h1></body></html>", "text/html", Encoding.UTF8, 404);
        }

        var headers = context.Response.Headers;
        headers.LastModified = LastModifiedOf(item);
        headers.CacheControl = "private, max-age=60";
        headers.Vary = "Accept";
        headers.Expires = BaseDate.AddYears(10).ToString("r", CultureInfo.InvariantCulture);
        headers.ContentLocation = $"/api/items/{id}";
        if (etagAware)
        {
            headers.ETag = $"\"v{item.Version}\"";
        }

        return Results.Text(BodyOf(id, item), "application/json", Encoding.UTF8);
    }

    private async Task<IResult> WriteAsync(string id, HttpContext context, bool etagAware)
    {
        using var reader = new StreamReader(context.Request.Body);
        var name = (await reader.ReadToEndAsync(context.RequestAborted)).Trim();
        if (WriteDelay > TimeSpan.Zero)
        {
            await Task.Delay(WriteDelay, context.RequestAborted);
        }

        if (BeforeWrite is { } gate)
        {
            await gate(context.RequestAborted);
        }

        var current = Find(id);
        if (etagAware && !PreconditionsHold(context.Request, current))
        {
            return Results.Text("<html><body><h1>412 - Precondition Failed</h1><p>ETag mismatch in ItemController.Put</p></body></html>", "text/html", Encoding.UTF8, 412);
        }

        var method = context.Request.Method;
        if (HttpMethods.IsDelete(method))
        {
            return _items.TryRemove(id, out var removed) ? Results.Text(BodyOf(id, removed), "application/json") : Results.NotFound();
        }

        if (current is null && HttpMethods.IsPatch(method))
        {
            return Results.NotFound();
        }

        var next = new Item(name.Length == 0 ? current?.Name ?? "unnamed" : name, (current?.Version ?? 0) + 1);
        _items[id] = next;
        return current is null
            ? Results.Text(BodyOf(id, next), "application/json", Encoding.UTF8, 201)
            : Results.Text(BodyOf(id, next), "application/json", Encoding.UTF8);
    }

    // The ETag-aware upstream's own, deliberately simple, check of writes.
    private static bool PreconditionsHold(HttpRequest request, Item? current)
    {
        var tag = current is null ? null : $"\"v{current.Version}\"";
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries);
            if (current is null || !(tags.Contains("*") || tags.Contains(tag)))
            {
                return false;
            }
        }
        else if (DateTimeOffset.TryParse(request.Headers.IfUnmodifiedSince.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && current is not null && BaseDate.AddMinutes(current.Version - 1) > since)
        {
            return false;
        }

        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && current is not null)
        {
            var tags = ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Select(t => t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t);
            if (tags.Contains("*") || tags.Contains(tag))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One stored item.</summary>
    public sealed record Item(string Name, int Version);
}
