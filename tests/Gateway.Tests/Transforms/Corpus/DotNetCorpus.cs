using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>ASP.NET (yellow screen, Web API 2, WCF, IIS) and ASP.NET Core answers.</summary>
public static class DotNetCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return ServerError("dotnet/yellow-screen-sql", 500, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html>
                <head>
                    <title>Invalid object name 'dbo.StudentSchoolAssociation'.</title>
                </head>
                <body bgcolor="white">
                        <span><H1>Server Error in '/SisApi' Application.<hr width=100% size=1 color=silver></H1>
                        <h2> <i>Invalid object name 'dbo.StudentSchoolAssociation'.</i> </h2></span>
                        <b> Description: </b>An unhandled exception occurred during the execution of the current web request. Please review the stack trace for more information about the error and where it originated in the code.
                        <br><br>
                        <b> Exception Details: </b>System.Data.SqlClient.SqlException: Invalid object name 'dbo.StudentSchoolAssociation'.<br><br>
                        <b>Source File: </b> D:\Builds\SisApi\Controllers\EnrollmentController.cs<b> &nbsp;&nbsp; Line: </b> 57
                        <br><br>
                        <b>Stack Trace:</b> <br><br>
                        <table width=100% bgcolor="#ffffcc"><tr><td><code><pre>
            [SqlException (0x80131904): Invalid object name 'dbo.StudentSchoolAssociation'.]
               System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction) +2582782
               System.Data.SqlClient.SqlCommand.ExecuteReader() +89
               SisApi.Controllers.EnrollmentController.Get(Int32 id) in D:\Builds\SisApi\Controllers\EnrollmentController.cs:57
            </pre></code></td></tr></table>
                        <hr width=100% size=1 color=silver>
                        <b>Version Information:</b>&nbsp;Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4667.0
                </body>
            </html>
            """,
            LeakKinds.DebugPage | LeakKinds.StackTrace | LeakKinds.SqlError | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return ServerError("dotnet/webapi2-exception-json", 500, "application/json; charset=utf-8",
            """{"Message":"An error has occurred.","ExceptionMessage":"Object reference not set to an instance of an object.","ExceptionType":"System.NullReferenceException","StackTrace":"   at SisApi.Services.GradeService.Post(GradeDto dto) in C:\\src\\SisApi\\Services\\GradeService.cs:line 118\r\n   at SisApi.Controllers.GradesController.Post(GradeDto dto) in C:\\src\\SisApi\\Controllers\\GradesController.cs:line 33\r\n   at lambda_method(Closure , Object , Object[] )"}""",
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return Both("dotnet/webapi2-400-exception-json", 400, "application/json; charset=utf-8",
            """{"Message":"The request is invalid.","ExceptionMessage":"Input string was not in a correct format.","ExceptionType":"System.FormatException","StackTrace":"   at System.Number.StringToNumber(String str, NumberStyles options, NumberBuffer& number, NumberFormatInfo info, Boolean parseDecimal)"}""",
            LeakKinds.StackTrace | LeakKinds.ExceptionType, 400, "The request is invalid.");

        yield return Both("dotnet/webapi2-400-modelstate", 400, "application/json; charset=utf-8",
            """{"Message":"The request is invalid.","ModelState":{"student.LastSurname":["The LastSurname field is required."],"student.BirthDate":["The BirthDate field is required."]}}""",
            LeakKinds.None, 400, "student.LastSurname: The LastSurname field is required.; student.BirthDate: The BirthDate field is required.");

        yield return ServerError("dotnet/aspnetcore-developer-exception-page", 500, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
                <head>
                    <meta charset="utf-8" />
                    <title>Internal Server Error</title>
                </head>
                <body>
                    <h1>An unhandled exception occurred while processing the request.</h1>
                    <div class="titleerror">InvalidOperationException: Sequence contains no elements</div>
                    <p class="location">System.Linq.ThrowHelper.ThrowNoElementsException()</p>
                    <ul id="header"><li id="stack" tabindex="1" class="selected">Stack</li><li id="query" tabindex="2">Query</li></ul>
                    <div id="stackpage" class="page">
                        <ul>
                            <li><h2 class="stackerror">InvalidOperationException: Sequence contains no elements</h2>
                                <ul><li><div class="frame" id="frame1"><h3>School.Api.Controllers.StudentsController.Get(int id) in /src/School.Api/Controllers/StudentsController.cs</h3>
                                <div class="source"><ol start="42" class="collapsible"><li><span>            var student = db.Students.First(s =&gt; s.Id == id);</span></li></ol></div></div></li></ul>
                            </li>
                        </ul>
                    </div>
                </body>
            </html>
            """,
            LeakKinds.DebugPage | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return new("dotnet/aspnetcore-problem-404-conforming", 404, "application/problem+json; charset=utf-8",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}""")
        {
            EdFi = new(404, Generic.NotFound),
            ProblemDetails = new(404, Generic.NotFound),
        };

        yield return new("dotnet/aspnetcore-validation-problem-400", 400, "application/problem+json; charset=utf-8",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"LastSurname":["The LastSurname field is required."],"GradeLevel":["Grade level must be between 1 and 12."]},"traceId":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"}""")
        {
            EdFi = new(400, "LastSurname: The LastSurname field is required.; GradeLevel: Grade level must be between 1 and 12."),
            ProblemDetails = new(400, "LastSurname: The LastSurname field is required.; GradeLevel: Grade level must be between 1 and 12."),
        };

        // Borderline, kept: ASP.NET Core's own client message names a CLR type, but no exception and nothing internal.
        yield return new("dotnet/aspnetcore-json-conversion-400", 400, "application/problem+json; charset=utf-8",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"$.grade":["The JSON value could not be converted to System.Int32. Path: $.grade | LineNumber: 0 | BytePositionInLine: 27."]},"traceId":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"}""")
        {
            EdFi = new(400, "grade: The JSON value could not be converted to System.Int32. Path: $.grade | LineNumber: 0 | BytePositionInLine: 27."),
            ProblemDetails = new(400, "grade: The JSON value could not be converted to System.Int32. Path: $.grade | LineNumber: 0 | BytePositionInLine: 27."),
        };

        yield return ServerError("dotnet/wcf-fault-with-exception-detail", 500, "text/xml; charset=utf-8",
            """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher">a:InternalServiceFault</faultcode><faultstring xml:lang="en-US">Object reference not set to an instance of an object.</faultstring><detail><ExceptionDetail xmlns="http://schemas.datacontract.org/2004/07/System.ServiceModel" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><HelpLink i:nil="true"/><InnerException i:nil="true"/><Message>Object reference not set to an instance of an object.</Message><StackTrace>   at Sis.Services.RosterService.GetRoster(Int32 sectionId) in C:\Sis\Services\RosterService.cs:line 88&#xD;
               at SyncInvokeGetRoster(Object , Object[] , Object[] )</StackTrace><Type>System.NullReferenceException</Type></ExceptionDetail></detail></s:Fault></s:Body></s:Envelope>
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return ServerError("dotnet/iis-500-19-detailed-error", 500, "text/html",
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>IIS 10.0 Detailed Error - 500.19 - Internal Server Error</title></head><body><div id="content"><div class="content-container"><h3>HTTP Error 500.19 - Internal Server Error</h3><h4>The requested page cannot be accessed because the related configuration data for the page is invalid.</h4></div><div class="content-container"><fieldset><h4>Detailed Error Information:</h4><div id="details-left"><table border="0" cellpadding="0" cellspacing="0"><tr class="alt"><th>Module</th><td>&nbsp;&nbsp;&nbsp;IIS Web Core</td></tr><tr><th>Config File</th><td>&nbsp;&nbsp;&nbsp;\\?\C:\inetpub\wwwroot\sis\web.config</td></tr></table></div></fieldset></div></div></body></html>
            """,
            LeakKinds.DebugPage | LeakKinds.FilePath);

        yield return Both("dotnet/iis-404-simple", 404, "text/html",
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/><title>404 - File or directory not found.</title></head><body><div id="header"><h1>Server Error</h1></div><div id="content"><div class="content-container"><fieldset><h2>404 - File or directory not found.</h2><h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3></fieldset></div></div></body></html>
            """,
            LeakKinds.None, 404, "File or directory not found.");

        yield return ServerError("dotnet/iis-503-app-pool-stopped", 503, "text/html; charset=us-ascii",
            """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd"><HTML><HEAD><TITLE>Service Unavailable</TITLE><META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD><BODY><h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p></BODY></HTML>
            """,
            LeakKinds.None);

        yield return Both("dotnet/iis-403-14-detailed", 403, "text/html",
            """
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>IIS 10.0 Detailed Error - 403.14 - Forbidden</title></head><body><div id="content"><h3>HTTP Error 403.14 - Forbidden</h3><h4>The Web server is configured to not list the contents of this directory.</h4><fieldset><h4>Detailed Error Information:</h4><table><tr><th>Physical Path</th><td>&nbsp;&nbsp;&nbsp;C:\inetpub\wwwroot\sis</td></tr></table></fieldset></div></body></html>
            """,
            LeakKinds.DebugPage | LeakKinds.FilePath, 403, Generic.Forbidden);

        yield return ServerError("dotnet/ef-core-not-null-json", 500, "application/json",
            """{"error":"An error occurred while saving the entity changes. See the inner exception for details.","inner":"Cannot insert the value NULL into column 'LastSurname', table 'EdFi_Ods.edfi.Student'; column does not allow nulls. INSERT fails."}""",
            LeakKinds.SqlError);

        yield return ServerError("dotnet/kestrel-empty-500", 500, null, string.Empty, LeakKinds.None);
    }
}
