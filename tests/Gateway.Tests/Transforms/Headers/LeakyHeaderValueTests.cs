using Gateway.Transforms.Errors;
using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class LeakyHeaderValueTests
{
    [Theory]
    [InlineData("X-Backend", "10.0.3.17:8080")]
    [InlineData("X-Node", "http://app07.corp.local:8080/")]
    [InlineData("X-Error", "java.lang.NullPointerException: Cannot invoke \"Student.getId()\" because \"s\" is null")]
    [InlineData("X-Error-Message", "ORA-00942: table or view does not exist")]
    [InlineData("X-Exception-Message", "System.Data.SqlClient.SqlException: Invalid object name 'dbo.Students'.")]
    [InlineData("X-Debug-Exception-File", "/var/www/sis/src/Controller/StudentController.php:42")]
    [InlineData("X-Debug-Exception", "An%20exception%20occurred%20while%20executing%20%27SELECT%20%2A%20FROM%20students%27%3A%20SQLSTATE%5B42S02%5D%3A%20Base%20table%20or%20view%20not%20found")]
    [InlineData("X-Cache-File", @"C:\inetpub\wwwroot\Sis\App_Data\cache\students.dat")]
    [InlineData("X-Db", "Server=db01;Database=Sis;User Id=sa;Password=Summer2019!")]
    [InlineData("WWW-Authenticate", "Basic realm=\"sis01.corp.local\"")]
    [InlineData("WWW-Authenticate", "Basic realm=\"http://192.168.10.4/sis\"")]
    [InlineData("X-Trace", "  at Sis.Api.StudentsController.Get(Int32 id) in D:\\build\\Sis.Api\\StudentsController.cs:line 42")]
    public void Leaky_CustomHeaders_AreFound(string name, string value)
    {
        Assert.True(LeakyHeaderValue.IsJudged(name));
        Assert.NotEqual(LeakKinds.None, LeakyHeaderValue.Scan(value));
    }

    [Theory]
    [InlineData("X-Amzn-RequestId", "4bf92f35-77b3-4da6-a3ce-929d0e0e4736")]
    [InlineData("X-Total-Count", "42")]
    [InlineData("X-Pagination", """{"page":1,"pageSize":25,"totalCount":300,"totalPages":12}""")]
    [InlineData("X-RateLimit-Limit", "100")]
    [InlineData("X-RateLimit-Reset", "1767225600")]
    [InlineData("X-Response-Time", "12.3ms")]
    [InlineData("X-Cache", "HIT")]
    [InlineData("X-Api-Version", "2026-01-01")]
    [InlineData("X-Amz-Cf-Id", "Zk1Xw8lq6V2mO7o0b3m1lWzq5xkW6X2gk1Cq3_cVbqMPu8vH5m1bFQ==")]
    [InlineData("X-Message", "Student 12 was updated.")]
    [InlineData("X-Filename", "Report card 2026 – élève 12.pdf")]
    [InlineData("X-Robots-Tag", "noindex, nofollow")]
    [InlineData("X-UA-Compatible", "IE=edge")]
    [InlineData("X-Download-Options", "noopen")]
    [InlineData("X-Permitted-Cross-Domain-Policies", "none")]
    [InlineData("X-Content-Duration", "63.23")]
    [InlineData("X-Deprecation", "This endpoint is deprecated; use /v2/students instead.")]
    [InlineData("Sunset", "Sat, 31 Dec 2026 23:59:59 GMT")]
    [InlineData("X-Next-Page", "https://api.example.com/students?page=2&pageSize=25%20")]
    [InlineData("X-Search", "name%3DL%C3%A9a%20Martin")]
    [InlineData("WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"")]
    [InlineData("WWW-Authenticate", "Basic realm=\"Student Information System\", charset=\"UTF-8\"")]
    public void Clean_CustomHeaders_AreKept(string name, string value)
    {
        Assert.True(LeakyHeaderValue.IsJudged(name));
        Assert.Equal(LeakKinds.None, LeakyHeaderValue.Scan(value));
    }

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("access-control-allow-origin")]
    [InlineData("Location")]
    [InlineData("Set-Cookie")]
    [InlineData("Cache-Control")]
    public void Standard_Headers_AreNotJudged(string name)
    {
        Assert.False(LeakyHeaderValue.IsJudged(name));
    }
}
