using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// <c>SoapFaultsAreErrors</c>: a SOAP stack that answers its faults with 200 gets them treated as the errors they are
/// (the sender's fault 400, any other 500, normalized like every upstream error); ordinary SOAP responses, and routes
/// without the option, pass untouched.
/// </summary>
public sealed class SoapFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": {
          "soap": { "SoapFaultsAreErrors": true },
          "soap-pd": { "SoapFaultsAreErrors": true, "Profile": "ProblemDetails" }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "soap": { "ClusterId": "c", "Match": { "Path": "/svc/{**rest}" } },
          "soap-pd": { "ClusterId": "c", "Match": { "Path": "/pd/svc/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/pd" } ] },
          "plain": { "ClusterId": "c", "Match": { "Path": "/plain/svc/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/plain" } ] }
        },
        "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private const string ClientFault = """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
        <faultcode>soap:Client</faultcode><faultstring>Student 12 was not found.</faultstring>
        </soap:Fault></soap:Body></soap:Envelope>
        """;

    private const string ServerFault = """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
        <faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; System.Data.SqlClient.SqlException: Invalid object name 'dbo.Students'.</faultstring>
        <detail><stack>   at Sis.Services.StudentService.Get(Int32 id) in C:\build\Sis\StudentService.cs:line 42</stack></detail>
        </soap:Fault></soap:Body></soap:Envelope>
        """;

    // SOAP 1.2's HTTP binding sends a sender's fault with 400; WCF with IncludeExceptionDetailInFaults adds the trace.
    private const string SenderFault400 = """
        <?xml version="1.0" encoding="utf-8"?>
        <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault>
        <s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang="en-US">Grade must be between 1 and 12.</s:Text></s:Reason>
        <s:Detail><ExceptionDetail xmlns="http://schemas.datacontract.org/2004/07/System.ServiceModel"><StackTrace>   at Sis.Services.StudentService.Validate(Student s) in C:\build\Sis\StudentService.cs:line 17</StackTrace><Type>System.ArgumentOutOfRangeException</Type></ExceptionDetail></s:Detail>
        </s:Fault></s:Body></s:Envelope>
        """;

    private const string XmlRpcFault = """
        <?xml version="1.0"?>
        <methodResponse><fault><value><struct>
        <member><name>faultCode</name><value><int>-32500</int></value></member>
        <member><name>faultString</name><value><string>Traceback (most recent call last): File "/srv/sis/rpc.py", line 12, in enroll</string></value></member>
        </struct></value></fault></methodResponse>
        """;

    private const string XmlRpcOrdinary = """
        <?xml version="1.0"?>
        <methodResponse><params><param><value><string>Ada</string></value></param></params></methodResponse>
        """;

    private const string Ordinary = """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetStudentResponse><Name>Ada</Name></GetStudentResponse></soap:Body></soap:Envelope>
        """;

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapPost("/svc/client-fault", () => Results.Text(ClientFault, "text/xml", Encoding.UTF8));
            app.MapPost("/svc/server-fault", () => Results.Text(ServerFault, "text/xml", Encoding.UTF8));
            app.MapPost("/svc/client-fault-500", () => Results.Text(ClientFault, "text/xml", Encoding.UTF8, 500));
            app.MapPost("/svc/server-fault-500", () => Results.Text(ServerFault, "text/xml", Encoding.UTF8, 500));
            app.MapPost("/svc/sender-fault-400", () => Results.Text(SenderFault400, "application/soap+xml", Encoding.UTF8, 400));
            app.MapPost("/svc/client-fault-utf16", async (HttpContext c) =>
            {
                var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ClientFault.Replace("utf-8", "utf-16", StringComparison.Ordinal))).ToArray();
                c.Response.ContentType = "text/xml; charset=utf-16";
                c.Response.ContentLength = bytes.Length;
                await c.Response.Body.WriteAsync(bytes);
            });
            app.MapPost("/svc/ok", () => Results.Text(Ordinary, "text/xml", Encoding.UTF8));
            app.MapPost("/svc/rpc-fault", () => Results.Text(XmlRpcFault, "text/xml", Encoding.UTF8));
            app.MapPost("/svc/rpc-ok", () => Results.Text(XmlRpcOrdinary, "text/xml", Encoding.UTF8));
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task ClientFaultAnswered200_Is400_WithTheFaultString()
    {
        using var response = await PostAsync("/svc/client-fault");

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("Student 12 was not found.", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Utf16ClientFaultAnswered200_Is400_WithTheFaultString()
    {
        using var response = await PostAsync("/svc/client-fault-utf16");

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("Student 12 was not found.", json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/svc/server-fault", false)]
    [InlineData("/pd/svc/server-fault", true)]
    public async Task ServerFaultAnswered200_IsTheProfile500_NothingInternal(string path, bool problemDetails)
    {
        using var response = await PostAsync(path);

        var json = problemDetails ? await Payload.ReadProblemAsync(response, 500) : await Payload.ReadEdFiAsync(response, 500);
        var text = json.GetRawText();
        Assert.DoesNotContain("Sql", text, StringComparison.Ordinal);
        Assert.DoesNotContain("StudentService", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/svc/sender-fault-400", false)]
    [InlineData("/pd/svc/sender-fault-400", true)]
    [InlineData("/plain/svc/sender-fault-400", false)]
    public async Task SenderFault400WithTraceInDetail_KeepsTheCleanReason_NothingInternal(string path, bool problemDetails)
    {
        using var response = await PostAsync(path);

        var json = problemDetails ? await Payload.ReadProblemAsync(response, 400) : await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("Grade must be between 1 and 12.", json.GetProperty(problemDetails ? "detail" : "message").GetString());
        var text = json.GetRawText();
        Assert.DoesNotContain("StudentService", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XmlRpcFaultAnswered200_IsThe500_NothingInternal()
    {
        using var response = await PostAsync("/svc/rpc-fault");

        var json = await Payload.ReadEdFiAsync(response, 500);
        var text = json.GetRawText();
        Assert.DoesNotContain("Traceback", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rpc.py", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XmlRpcOrdinaryResponse_PassesByteForByte()
    {
        using var response = await PostAsync("/svc/rpc-ok");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XmlRpcOrdinary, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OrdinaryResponse_PassesByteForByte()
    {
        using var response = await PostAsync("/svc/ok");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Ordinary, await response.Content.ReadAsStringAsync());
    }

    // SOAP 1.1 (§6.2) answers every fault with 500, the sender's fault too.
    [Theory]
    [InlineData("/svc/client-fault-500", 400, "Student 12 was not found.")]
    [InlineData("/svc/server-fault-500", 500, "An unexpected error occurred.")]
    [InlineData("/plain/svc/client-fault-500", 500, "An unexpected error occurred.")] // without the option a 500 stays one
    public async Task Soap11FaultAnswered500_IsTheStatusItsCodeMeans(string path, int status, string message)
    {
        using var response = await PostAsync(path);

        var json = await Payload.ReadEdFiAsync(response, status);
        Assert.Equal(message, json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task RouteWithoutTheOption_FaultPassesAs200()
    {
        using var response = await PostAsync("/plain/svc/client-fault");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClientFault, await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> PostAsync(string path) =>
        _gateway.Client.PostAsync(path, new StringContent("<soap:Envelope/>", Encoding.UTF8, "text/xml"));
}
