using Gateway.Transforms.Preconditions;

namespace Gateway.Tests.Transforms.Preconditions;

/// <summary>RFC 9110 §13.1 (each field) and §13.2.2 (their order), one row per case.</summary>
public sealed class PreconditionEvaluatorTests
{
    // The current representation: "v1", last modified at Modified.
    private const string Current = "\"v1\"";
    private const string Modified = "Sun, 06 Nov 1994 08:49:37 GMT";
    private const string Before = "Sun, 06 Nov 1994 08:00:00 GMT";
    private const string After = "Sun, 06 Nov 1994 09:00:00 GMT";

    /// <summary>Mirrors the internal PreconditionOutcome (theory parameters must be public).</summary>
    public enum Outcome
    {
        Proceed,
        NotModified,
        PreconditionFailed,
    }

    public enum Resource
    {
        /// <summary>Exists, tag "v1", Last-Modified = Modified.</summary>
        Tagged,

        /// <summary>Exists, weak tag W/"v1".</summary>
        WeakTagged,

        /// <summary>Exists, no tag, no date (e.g. body over the bound of generate mode).</summary>
        Untagged,

        /// <summary>No current representation.</summary>
        Missing,
    }

    [Theory]
    // §13.1.1 If-Match: strong comparison, "*" means "exists".
    [InlineData("PUT", "\"v1\"", null, null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", "\"v0\"", null, null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", "\"v0\", \"v1\"", null, null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", "W/\"v1\"", null, null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", "\"v1\"", null, null, null, Resource.WeakTagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", "*", null, null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", "*", null, null, null, Resource.Untagged, Outcome.Proceed)]
    [InlineData("PUT", "*", null, null, null, Resource.Missing, Outcome.PreconditionFailed)]
    [InlineData("PUT", "\"v1\"", null, null, null, Resource.Missing, Outcome.PreconditionFailed)]
    [InlineData("PUT", "\"v1\"", null, null, null, Resource.Untagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", "v1", null, null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("PATCH", "\"v1\"", null, null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PATCH", "\"v0\"", null, null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("DELETE", "\"v1\"", null, null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("DELETE", "\"v0\"", null, null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("DELETE", "*", null, null, null, Resource.Missing, Outcome.PreconditionFailed)]
    [InlineData("GET", "\"v1\"", null, null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("GET", "\"v0\"", null, null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    // §13.1.2 If-None-Match: weak comparison; a match is 304 for GET/HEAD, 412 otherwise.
    [InlineData("GET", null, "\"v1\"", null, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("HEAD", null, "\"v1\"", null, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("GET", null, "W/\"v1\"", null, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("GET", null, "\"v1\"", null, null, Resource.WeakTagged, Outcome.NotModified)]
    [InlineData("GET", null, "\"v0\", \"v1\"", null, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("GET", null, "\"v0\"", null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("GET", null, "*", null, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("GET", null, "*", null, null, Resource.Missing, Outcome.Proceed)]
    [InlineData("GET", null, "\"v1\"", null, null, Resource.Untagged, Outcome.Proceed)]
    [InlineData("GET", null, "garbage", null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", null, "*", null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", null, "*", null, null, Resource.Untagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", null, "*", null, null, Resource.Missing, Outcome.Proceed)]
    [InlineData("PUT", null, "\"v1\"", null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", null, "\"v0\"", null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("DELETE", null, "W/\"v1\"", null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    // §13.1.3 If-Modified-Since: GET/HEAD only, needs a date, ignored with If-None-Match or when invalid.
    [InlineData("GET", null, null, Modified, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("GET", null, null, After, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("HEAD", null, null, After, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("GET", null, null, Before, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("GET", null, null, After, null, Resource.Untagged, Outcome.Proceed)]
    [InlineData("GET", null, null, After, null, Resource.Missing, Outcome.Proceed)]
    [InlineData("GET", null, null, "not a date", null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("GET", null, "\"v0\"", After, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", null, null, After, null, Resource.Tagged, Outcome.Proceed)]
    // §13.1.4 If-Unmodified-Since: needs a date, ignored with If-Match or when invalid.
    [InlineData("PUT", null, null, null, Modified, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", null, null, null, After, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", null, null, null, Before, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("DELETE", null, null, null, Before, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("GET", null, null, null, Before, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", null, null, null, Before, Resource.Untagged, Outcome.Proceed)]
    [InlineData("PUT", null, null, null, Before, Resource.Missing, Outcome.Proceed)]
    [InlineData("PUT", null, null, null, "garbage", Resource.Tagged, Outcome.Proceed)]
    // §13.2.2 order: If-Match wins over If-Unmodified-Since; If-None-Match is still checked after If-Match.
    [InlineData("PUT", "\"v1\"", null, null, Before, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", "\"v0\"", null, null, After, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("PUT", "\"v1\"", "\"v1\"", null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("GET", "\"v1\"", "\"v1\"", null, null, Resource.Tagged, Outcome.NotModified)]
    [InlineData("GET", "\"v0\"", "\"v1\"", null, null, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("GET", null, "\"v1\"", null, Before, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("GET", null, null, After, Before, Resource.Tagged, Outcome.PreconditionFailed)]
    [InlineData("GET", null, null, After, After, Resource.Tagged, Outcome.NotModified)]
    // No conditions.
    [InlineData("GET", null, null, null, null, Resource.Tagged, Outcome.Proceed)]
    [InlineData("PUT", null, null, null, null, Resource.Missing, Outcome.Proceed)]
    public void Evaluate_Rfc9110Table(
        string method, string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince, Resource resource, Outcome expected)
    {
        var headers = new ConditionalHeaders(ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince);

        Assert.Equal(expected.ToString(), PreconditionEvaluator.Evaluate(method, headers, StateOf(resource)).ToString());
    }

    [Fact]
    public void Evaluate_SubSecondLastModified_ComparedAtSecondResolution()
    {
        Assert.True(HttpDate.TryParse(Modified, out var modified));
        var state = new ResourceState(true, null, modified.AddMilliseconds(600));

        Assert.Equal(PreconditionOutcome.NotModified, PreconditionEvaluator.Evaluate("GET", new(null, null, Modified, null), state));
        Assert.Equal(PreconditionOutcome.Proceed, PreconditionEvaluator.Evaluate("PUT", new(null, null, null, Modified), state));
    }

    private static ResourceState StateOf(Resource resource)
    {
        Assert.True(HttpDate.TryParse(Modified, out var modified));
        return resource switch
        {
            Resource.Tagged => new ResourceState(true, new EntityTag(Current, false), modified),
            Resource.WeakTagged => new ResourceState(true, new EntityTag(Current, true), modified),
            Resource.Untagged => new ResourceState(true, null, null),
            _ => ResourceState.Missing,
        };
    }
}
