using System.Text;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Rules;

namespace Gateway.Tests.Transforms.Rules;

public sealed class ResponseRuleEvaluatorTests
{
    private static readonly ResponseRule s_notFound = new([200], "/success", "false", true, 404, "/error");
    private static readonly ResponseRule s_validation = new([400], "/errors", null, true, 422, null);

    [Theory]
    [InlineData("""{"success":false,"error":"Student not found"}""", 404, "Student not found")]
    [InlineData("""{"success":"false","error":{"message":"Student not found"}}""", 404, "Student not found")]
    [InlineData("""{"success":false,"error":["Bad id","Try again"]}""", 404, "Bad id; Try again")]
    [InlineData("""{"success":false}""", 404, null)]
    [InlineData("""{"success":False,"error":"x"}""", null, null)]
    [InlineData("""{"success":true,"data":{}}""", null, null)]
    [InlineData("""{"data":{}}""", null, null)]
    [InlineData("""[1,2]""", null, null)]
    [InlineData("""not json""", null, null)]
    [InlineData("", null, null)]
    public void Evaluate_SuccessFalseRule(string body, int? status, string? message)
    {
        var outcome = ResponseRuleEvaluator.Evaluate([s_notFound], 200, Encoding.UTF8.GetBytes(body));

        Assert.Equal(status, outcome?.Status);
        Assert.Equal(message, outcome?.Message);
    }

    [Fact]
    public void Evaluate_LeakyMessage_IsWithheld()
    {
        var body = """{"success":false,"error":"java.lang.NullPointerException\n\tat com.acme.X.y(X.java:12)"}""";

        var outcome = ResponseRuleEvaluator.Evaluate([s_notFound], 200, Encoding.UTF8.GetBytes(body));

        Assert.Equal(404, outcome?.Status);
        Assert.Null(outcome?.Message);
        Assert.NotEqual(LeakKinds.None, outcome?.Leaks);
    }

    [Fact]
    public void Evaluate_OnlyRulesForTheUpstreamStatusApply()
    {
        var body = Encoding.UTF8.GetBytes("""{"errors":[{"field":"a","message":"b"}],"success":false}""");

        Assert.Equal(422, ResponseRuleEvaluator.Evaluate([s_notFound, s_validation], 400, body)?.Status);
        Assert.Equal(404, ResponseRuleEvaluator.Evaluate([s_notFound, s_validation], 200, body)?.Status);
        Assert.Null(ResponseRuleEvaluator.Evaluate([s_notFound, s_validation], 500, body));
    }

    [Fact]
    public void Evaluate_ExistsFalse_MatchesAbsence()
    {
        var rule = new ResponseRule([200], "/data", null, false, 404, null);

        Assert.Equal(404, ResponseRuleEvaluator.Evaluate([rule], 200, """{"status":"empty"}"""u8)?.Status);
        Assert.Null(ResponseRuleEvaluator.Evaluate([rule], 200, """{"data":1}"""u8));
    }

    [Fact]
    public void Evaluate_NumericAndNullValues_CompareByJsonText()
    {
        var byCode = new ResponseRule([200], "/code", "0", true, 409, "/msg");
        var byNull = new ResponseRule([200], "/data", "null", true, 404, null);

        Assert.Equal(409, ResponseRuleEvaluator.Evaluate([byCode], 200, """{"code":0,"msg":"Duplicate"}"""u8)?.Status);
        Assert.Null(ResponseRuleEvaluator.Evaluate([byCode], 200, """{"code":10}"""u8));
        Assert.Equal(404, ResponseRuleEvaluator.Evaluate([byNull], 200, """{"data":null}"""u8)?.Status);
    }

    [Fact]
    public void Evaluate_DeeplyNestedJson_DoesNotThrow()
    {
        var body = new string('[', 100_000) + new string(']', 100_000);

        Assert.Null(ResponseRuleEvaluator.Evaluate([s_notFound], 200, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Evaluate_InvalidUtf8OrLoneSurrogate_ReadsTheMessageLeniently()
    {
        byte[] latin1 = [.. "{\"success\":false,\"error\":\""u8, 0xC9, .. "l"u8, 0xE8, .. "ve introuvable\"}"u8];
        var surrogate = Encoding.UTF8.GetBytes("""{"success":false,"error":["\ud800 bad",{"message":"x\udc00"}]}""");

        Assert.Equal("\uFFFDl\uFFFDve introuvable", ResponseRuleEvaluator.Evaluate([s_notFound], 200, latin1)?.Message);
        Assert.Equal("\uFFFD bad; x\uFFFD", ResponseRuleEvaluator.Evaluate([s_notFound], 200, surrogate)?.Message);
    }

    [Fact]
    public void Evaluate_InvalidTextInTheTestedValueOrName_ComparesLeniently()
    {
        var rule = new ResponseRule([200], "/status", "fail\uFFFD", true, 400, null);
        var body = Encoding.UTF8.GetBytes("""{"st\u0061tus":"fail\udfff","\ud800":1}""");

        Assert.Equal(400, ResponseRuleEvaluator.Evaluate([rule], 200, body)?.Status);
    }

    [Fact]
    public void Evaluate_BomAndDeepNesting_StillMatch()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF, .. """{"success":false,"error":"Student not found"}"""u8];
        var deep = Encoding.UTF8.GetBytes("""{"success":false,"error":"deep","x":""" + new string('[', 900) + new string(']', 900) + "}");

        Assert.Equal("Student not found", ResponseRuleEvaluator.Evaluate([s_notFound], 200, bom)?.Message);
        Assert.Equal("deep", ResponseRuleEvaluator.Evaluate([s_notFound], 200, deep)?.Message);
    }
}
