using Gateway.Transforms.Errors;
using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class ReportingHeadersTests
{
    [Theory]
    [InlineData("Server-Timing", "db;desc=\"db01.corp.acme.local:1433 SELECT * FROM dbo.Students\";dur=12")]
    [InlineData("Server-Timing", "sql;desc=\"SELECT id, name FROM students WHERE id = 12\";dur=3")]
    [InlineData("Warning", "199 app07.corp.acme.local \"stale data from db01.corp.acme.local\"")]
    [InlineData("Warning", "199 - \"java.lang.IllegalStateException: cache not warmed\"")]
    [InlineData("Report-To", """{"group":"csp","max_age":10886400,"endpoints":[{"url":"http://10.0.3.17:8080/reports"}]}""")]
    [InlineData("Report-To", """{"group":"csp","endpoints":[{"url":"http:\/\/app07.corp:8080\/reports"}]}""")]
    [InlineData("Reporting-Endpoints", "default=\"https://reports.example.com/r\", csp=\"http://app07.corp:8080/csp\"")]
    [InlineData("NEL", """{"report_to":"http://10.0.3.17/nel","max_age":31536000}""")]
    public void LeakyStandardHeaders_AreJudged_AndFound(string name, string value)
    {
        Assert.True(LeakyHeaderValue.IsJudged(name));
        Assert.NotEqual(LeakKinds.None, LeakyHeaderValue.Scan(name, value));
    }

    [Theory]
    [InlineData("Server-Timing", "cache;desc=\"Cache Read\";dur=23.2")]
    [InlineData("Server-Timing", "db;dur=53, app;dur=47.2, total;dur=123.4")]
    [InlineData("Server-Timing", "cdn-cache;desc=HIT, edge;dur=1")]
    [InlineData("Warning", "110 - \"Response is Stale\"")]
    [InlineData("Warning", "299 api.example.com \"Deprecated API: use /v2\"")]
    [InlineData("Report-To", """{"group":"csp","max_age":10886400,"endpoints":[{"url":"https://reports.example.com/csp"}],"include_subdomains":true}""")]
    [InlineData("Reporting-Endpoints", "default=\"https://reports.example.com/r\", csp=\"/csp-reports\"")]
    [InlineData("NEL", """{"report_to":"default","max_age":31536000,"include_subdomains":true}""")]
    public void CleanStandardHeaders_Pass(string name, string value) =>
        Assert.Equal(LeakKinds.None, LeakyHeaderValue.Scan(name, value));

    [Theory]
    [InlineData("default-src 'self'; report-uri http://app07.corp:8080/csp-report", "default-src 'self'")]
    [InlineData("report-uri http://10.0.3.17/csp; default-src 'self'", "default-src 'self'")]
    [InlineData("default-src 'self'; report-uri https://csp.example.com/r http://10.0.3.17/r; report-to csp", "default-src 'self'; report-to csp")]
    [InlineData("default-src 'self'; REPORT-TO http://10.0.3.17:8080/csp", "default-src 'self'")]
    [InlineData("report-uri http://app07.corp/csp", "")]
    public void Csp_InternalReportDirectives_AreRemovedAlone(string policy, string expected) =>
        Assert.Equal(expected, ReportingHeaders.WithoutInternalReportDirectives(policy));

    [Theory]
    [InlineData("default-src 'self'; report-uri /csp-report; report-to csp")]
    [InlineData("default-src 'self' https://cdn.example.com; report-uri https://csp.example.com/r")]
    [InlineData("default-src 'self'; connect-src http://localhost:3000")] // not a report directive: the policy means it
    [InlineData("")]
    public void Csp_WithoutInternalReportEndpoints_IsLeftAlone(string policy) =>
        Assert.Null(ReportingHeaders.WithoutInternalReportDirectives(policy));

    [Theory]
    [InlineData("Content-Security-Policy")]
    [InlineData("content-security-policy-report-only")]
    public void Csp_IsRecognised(string name) => Assert.True(ReportingHeaders.IsContentSecurityPolicy(name));
}
