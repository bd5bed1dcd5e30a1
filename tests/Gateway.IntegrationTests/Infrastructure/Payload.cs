using System.Text.Json;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>Reads a response as the standard error payload and checks the invariants every payload keeps.</summary>
public static class Payload
{
    public static async Task<JsonElement> ReadEdFiAsync(HttpResponseMessage response, int expectedStatus)
    {
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(expectedStatus, json.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("message").GetString()));
        Assert.Equal(response.Headers.GetValues("X-Correlation-Id").Single(), json.GetProperty("correlationId").GetString());
        return json;
    }

    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, int expectedStatus)
    {
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(expectedStatus, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("type").GetString()));
        Assert.Equal(response.Headers.GetValues("X-Correlation-Id").Single(), json.GetProperty("correlationId").GetString());
        return json;
    }
}
