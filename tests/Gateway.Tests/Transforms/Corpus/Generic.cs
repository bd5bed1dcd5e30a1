namespace Gateway.Tests.Transforms.Corpus;

/// <summary>The generic client messages, spelled out so the corpus states its expectations exactly.</summary>
public static class Generic
{
    public const string BadRequest = "The request is not valid.";
    public const string ContentTooLarge = "The request body is too large.";
    public const string Unauthorized = "Authentication is required to access this resource.";
    public const string Forbidden = "You do not have permission to perform this action.";
    public const string NotFound = "The requested resource was not found.";
    public const string Conflict = "The request conflicts with the current state of the resource.";
    public const string PreconditionFailed = "A precondition of the request was not met; the resource may have changed.";
    public const string Unprocessable = "The request contains values that are not valid.";
    public const string TooManyRequests = "Too many requests. Try again later.";
    public const string Internal = "An unexpected error occurred.";
    public const string BadGateway = "The upstream service failed to answer.";
    public const string Unavailable = "The service is temporarily unavailable.";
    public const string GatewayTimeout = "The upstream service did not answer in time.";
    public const string Integrity = "The request conflicts with existing data.";
}
