using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>Removes leaky trailer fields with the route's <see cref="ResponseScrubTransform"/> rules, after YARP copied them.</summary>
internal sealed class ResponseTrailerScrubTransform(ResponseScrubTransform scrub) : ResponseTrailersTransform
{
    public override ValueTask ApplyAsync(ResponseTrailersTransformContext context)
    {
        scrub.StripLeakyTrailers(context.HttpContext);
        return ValueTask.CompletedTask;
    }
}
