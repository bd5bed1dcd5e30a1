namespace Gateway.Transforms.Errors;

/// <summary>The one error a client sees, before it is written in a profile's shape.</summary>
/// <param name="Status">The HTTP status; always equal to the payload's <c>code</c>/<c>status</c>.</param>
/// <param name="Message">A clean, client-safe message; never raw upstream text that failed the leak scan.</param>
/// <param name="CorrelationId">The request's correlation id, echoed so operators can find the upstream's log.</param>
/// <param name="Instance">The request path (no query string: it may carry secrets), for <c>instance</c>.</param>
public sealed record StandardError(int Status, string Message, string? CorrelationId, string? Instance);
