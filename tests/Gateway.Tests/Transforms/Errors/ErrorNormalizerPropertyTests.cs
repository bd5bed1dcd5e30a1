using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using Gateway.Tests.Transforms.Generators;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Errors;

[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class ErrorNormalizerPropertyTests
{
    [Property]
    public bool Normalize_StackTraceInMessage_NeverReachesTheClient(TraceInText sample)
    {
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { message = sample.Text }));
        var text = Encoding.UTF8.GetBytes(sample.Text);

        var fromJson = ErrorNormalizer.Normalize(400, "application/json", json, false, ErrorProfile.EdFi, NormalizerSettings.Default);
        var fromText = ErrorNormalizer.Normalize(404, "text/plain", text, false, ErrorProfile.ProblemDetails, NormalizerSettings.Default);

        return fromJson.Message == "The request is not valid."
            && fromText.Message == "The requested resource was not found."
            && (fromJson.Leaks & LeakKinds.StackTrace) != 0
            && (fromText.Leaks & LeakKinds.StackTrace) != 0;
    }

    [Property]
    public bool Normalize_OrdinarySentenceOn4xx_SurvivesVerbatim(CleanSentence sentence)
    {
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { message = sentence.Text }));

        var verdict = ErrorNormalizer.Normalize(422, "application/json", json, false, ErrorProfile.ProblemDetails, NormalizerSettings.Default);

        return verdict.Message == sentence.Text && verdict.Leaks == LeakKinds.None && verdict.Status == 422;
    }

    [Property(MaxTest = 2000)]
    public bool Normalize_AnyInput_NeverThrowsAndAnswersCleanlyWithinTheProfile(AnyResponse response)
    {
        var profile = ErrorProfile.For(response.Profile);

        var verdict = ErrorNormalizer.Normalize(response.Status, response.ContentType, response.Body, response.Truncated, profile, NormalizerSettings.Default);

        return profile.Allows(verdict.Status)
            && !string.IsNullOrWhiteSpace(verdict.Message)
            && LeakScanner.Scan(verdict.Message) == LeakKinds.None
            && !(verdict.PassThrough && response.Truncated);
    }
}
