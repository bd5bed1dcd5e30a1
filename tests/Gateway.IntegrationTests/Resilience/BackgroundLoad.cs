namespace Gateway.IntegrationTests.Resilience;

/// <summary>A client that keeps sending one request until stopped, counting answers that were not 2xx.</summary>
internal sealed class BackgroundLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _failures = [];
    private int _sent;

    public BackgroundLoad(HttpClient client, string path) => _loop = Task.Run(() => RunAsync(client, path));

    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Stops the loop and returns what failed (status or exception), empty when every answer was 2xx.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return _failures;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    /// <summary>Waits until at least <paramref name="more"/> further requests were answered.</summary>
    public Task AdvanceAsync(int more)
    {
        var target = Sent + more;
        return Infrastructure.GatewayHost.EventuallyAsync(() => Sent >= target, $"{more} more requests under load");
    }

    private async Task RunAsync(HttpClient client, string path)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(path, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    lock (_failures)
                    {
                        _failures.Add($"{(int)response.StatusCode} after {_sent} requests");
                    }
                }
            }
            catch (HttpRequestException ex)
            {
                lock (_failures)
                {
                    _failures.Add(ex.Message);
                }
            }

            Interlocked.Increment(ref _sent);
            await Task.Delay(2, CancellationToken.None);
        }
    }
}
