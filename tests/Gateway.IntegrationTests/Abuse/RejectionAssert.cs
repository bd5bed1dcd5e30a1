using System.Text.Json;
using Gateway.IntegrationTests.Infrastructure;

namespace Gateway.IntegrationTests.Abuse;

/// <summary>Checks a raw answer is the standard payload in the default (Ed-Fi) form, closing the connection.</summary>
public static class RejectionAssert
{
    public static JsonElement EdFiPayload(RawExchange exchange, int expectedStatus = 400)
    {
        Assert.True(exchange.Status == expectedStatus, $"expected {expectedStatus}, got: {exchange.Text[..Math.Min(400, exchange.Text.Length)]}");
        Assert.StartsWith("application/json", exchange.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("no-store", exchange.Header("Cache-Control"));
        Assert.Equal("close", exchange.Header("Connection"));
        var correlationId = exchange.Header("X-Correlation-Id");
        Assert.False(string.IsNullOrEmpty(correlationId));
        Assert.Equal(exchange.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), exchange.Header("Content-Length"));
        var json = JsonDocument.Parse(exchange.Body).RootElement;
        Assert.Equal(expectedStatus, json.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("message").GetString()));
        Assert.Equal(correlationId, json.GetProperty("correlationId").GetString());
        Assert.True(exchange.Closed, "the connection stayed open after a rejection");
        Assert.Equal(1, exchange.ResponseCount);
        return json;
    }

    /// <summary>A 400 in payload form, or the connection closed with no answer at all: both refuse the request.</summary>
    public static void RefusedOrClosed(RawExchange exchange)
    {
        if (exchange.Status is null)
        {
            Assert.True(exchange.Closed, "no answer and the connection stayed open");
            return;
        }

        EdFiPayload(exchange);
    }
}
