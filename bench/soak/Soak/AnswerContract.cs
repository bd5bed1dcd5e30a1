namespace Bench.Soak;

/// <summary>The parts of the behaviour contract every answer is checked against, beyond its status.</summary>
internal static class AnswerContract
{
    /// <summary>What the answer lacks, or null when it keeps the contract.</summary>
    public static string? Check(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        if (!response.Headers.Contains("X-Correlation-Id"))
        {
            return $"{status} without X-Correlation-Id";
        }

        if (status == 401 && response.Headers.WwwAuthenticate.Count == 0)
        {
            return "401 without WWW-Authenticate";
        }

        if (status == 429 && response.Headers.RetryAfter is null)
        {
            return "429 without Retry-After";
        }

        // Ed-Fi profile: every error but 401 and 404 carries the standard payload, whose code is the status.
        if (status >= 400 && status is not 401 and not 404)
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            if (response.Content.Headers.ContentType?.MediaType != "application/json" || !text.Contains($"\"code\":{status}", StringComparison.Ordinal))
            {
                return $"{status} without the Ed-Fi payload";
            }
        }

        return null;
    }
}
