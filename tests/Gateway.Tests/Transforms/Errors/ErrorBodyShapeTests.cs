using System.Text;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Errors;

/// <summary>Error bodies in the shapes other frameworks send: problem details of other services, SOAP faults without
/// prefixes, MTOM-wrapped faults.</summary>
public class ErrorBodyShapeTests
{
    private const string Message = "Grade must be between 1 and 12.";

    // Behaviour.md §1: title is the reason phrase. RFC 9457 lets a service title its problem type; such a body is
    // rewritten with its detail (or its errors) as the message, so the client still sees "Forbidden".
    [Theory]
    [InlineData(403, """{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30}""", "Your current balance is 30, but that costs 50.")]
    [InlineData(400, """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"Grade":["Grade must be between 1 and 12."]}}""", "Grade: Grade must be between 1 and 12.")]
    [InlineData(404, """{"type":"about:blank","title":"Not Found","status":404}""", "The requested resource was not found.")]
    [InlineData(409, """{"type":"about:blank","title":"Conflict","status":409,"detail":"  "}""", "The request conflicts with the current state of the resource.")]
    public void Normalize_ProblemWithoutReasonPhraseTitleOrDetail_RewrittenWithItsMessage(int status, string body, string message)
    {
        var verdict = Normalize(status, "application/problem+json", body, ErrorProfile.ProblemDetails);

        Assert.False(verdict.PassThrough);
        Assert.Equal(status, verdict.Status);
        Assert.Equal(message, verdict.Message);
    }

    [Fact]
    public void Normalize_ProblemWithReasonPhraseTitleDetailAndExtensions_PassesThrough()
    {
        var body = """{"type":"https://example.com/probs/out-of-credit","title":"Forbidden","status":403,"detail":"Your current balance is 30.","balance":30}""";

        Assert.True(Normalize(403, "application/problem+json", body, ErrorProfile.ProblemDetails).PassThrough);
    }

    // Without a prefix or an XML declaration, the envelope's <Body> was taken for HTML's, and no <title> or <h1> found.
    [Theory]
    [InlineData("text/xml", """<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><Fault><faultcode>Client</faultcode><faultstring>Grade must be between 1 and 12.</faultstring></Fault></Body></Envelope>""")]
    [InlineData("application/soap+xml", """<Envelope xmlns="http://www.w3.org/2003/05/soap-envelope"><Body><Fault><Code><Value>Sender</Value></Code><Reason><Text xml:lang="en">Grade must be between 1 and 12.</Text></Reason></Fault></Body></Envelope>""")]
    [InlineData(null, "\n  <SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Grade must be between 1 and 12.</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>")]
    public void Normalize_SoapFaultWithoutDeclaration_GivesItsFaultString(string? contentType, string body)
    {
        Assert.Equal(Message, Normalize(400, contentType, body).Message);
    }

    [Fact]
    public void Normalize_HtmlPageWithBody_StillReadAsHtml()
    {
        Assert.Equal(Message, Normalize(400, "text/html", "<body><h1>Grade must be between 1 and 12.</h1></body>").Message);
    }

    // MTOM (CXF, Axis2, WCF): the fault is the root part of a multipart/related body.
    [Fact]
    public void Normalize_MtomSoap12Fault_GivesTheRootPartsReason()
    {
        var fault = """<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code><env:Reason><env:Text xml:lang="en">Grade must be between 1 and 12.</env:Text></env:Reason><env:Detail><trace>java.lang.IllegalArgumentException: bad&#10;	at com.acme.roster.StudentService.find(StudentService.java:88)</trace></env:Detail></env:Fault></env:Body></env:Envelope>""";
        var body = "--uuid:b1\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\nContent-Transfer-Encoding: binary\r\n"
            + "Content-ID: <root.message@cxf.apache.org>\r\n\r\n" + fault + "\r\n--uuid:b1--\r\n";
        var contentType = "multipart/related; type=\"application/xop+xml\"; boundary=\"uuid:b1\"; start=\"<root.message@cxf.apache.org>\"; start-info=\"application/soap+xml\"";

        var verdict = Normalize(400, contentType, body);

        Assert.Equal(Message, verdict.Message);
        Assert.NotEqual(LeakKinds.None, verdict.Leaks);
    }

    [Fact]
    public void Normalize_MtomWhoseStartNamesTheSecondPart_ReadsThatPart()
    {
        var fault = """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Grade must be between 1 and 12.</faultstring></soap:Fault></soap:Body></soap:Envelope>""";
        var body = "\r\n--MIMEBoundary_abc\r\nContent-Type: text/plain\r\nContent-ID: <attachment@apache.org>\r\n\r\nNot the fault.\r\n"
            + "--MIMEBoundary_abc\r\nContent-Type: application/xop+xml; type=\"text/xml\"\r\nContent-ID: <0.root@apache.org>\r\n\r\n" + fault
            + "\r\n--MIMEBoundary_abc--\r\n";
        var contentType = "multipart/related; boundary=MIMEBoundary_abc; type=\"application/xop+xml\"; start=\"<0.root@apache.org>\"; start-info=\"text/xml\"";

        Assert.Equal(Message, Normalize(400, contentType, body).Message);
    }

    [Fact]
    public void Normalize_MtomWithConformingJsonRoot_NeverPassesTheMultipartThrough()
    {
        var body = "--b\r\nContent-Type: application/json\r\n\r\n{\"code\":400,\"type\":\"Bad Request\",\"message\":\"Grade must be between 1 and 12.\"}\r\n--b--\r\n";

        var verdict = Normalize(400, "multipart/related; boundary=b", body);

        Assert.False(verdict.PassThrough);
        Assert.Equal(Message, verdict.Message);
    }

    [Theory]
    [InlineData("multipart/related")] // no boundary
    [InlineData("multipart/related; boundary=other")]
    public void Normalize_MultipartWithoutItsBoundary_ReadsTheWholeBody(string contentType)
    {
        var verdict = Normalize(400, contentType, "--b\r\nContent-Type: text/plain\r\n\r\nGrade must be between 1 and 12.");

        Assert.False(verdict.PassThrough);
        Assert.Equal(400, verdict.Status);
    }

    private static ErrorVerdict Normalize(int status, string? contentType, string body, ErrorProfile? profile = null) =>
        ErrorNormalizer.Normalize(status, contentType, Encoding.UTF8.GetBytes(body), false, profile ?? ErrorProfile.EdFi, NormalizerSettings.Default);
}
