using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Default and framework error answers of products the other files do not cover (IIS/ARR/ANCM, WebLogic,
/// Liberty, GlassFish, Quarkus, Fastify, ServiceStack, CouchDB, PostgREST, Google's front end, Cloudflare 52x …), each
/// as the product sends it and as it came back through the running gateway under both profiles.</summary>
public static class ProductsCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return Both("product/google-gfe-404", 404, "text/html; charset=UTF-8",
            "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <meta name=viewport content=\"initial-scale=1, minimum-scale=1, width=device-width\">\n  <title>Error 404 (Not Found)!!1</title>\n  <style>*{margin:0;padding:0}</style>\n  <a href=//www.google.com/><span id=logo aria-label=Google></span></a>\n  <p><b>404.</b> <ins>That\u2019s an error.</ins>\n  <p>The requested URL <code>/api/studentz</code> was not found on this server.  <ins>That\u2019s all we know.</ins>\n",
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("product/google-gfe-400", 400, "text/html; charset=UTF-8",
            "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 400 (Bad Request)!!1</title>\n  <p><b>400.</b> <ins>That\u2019s an error.</ins>\n  <p>Your client has issued a malformed or illegal request.  <ins>That\u2019s all we know.</ins>\n",
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("product/couchdb-404", 404, "application/json",
            """
            {"error":"not_found","reason":"missing"}
            """,
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("product/couchdb-400", 400, "application/json",
            """
            {"error":"bad_request","reason":"invalid UTF-8 JSON"}
            """,
            LeakKinds.None, 400, "invalid UTF-8 JSON");

        yield return Both("product/couchdb-409", 409, "application/json",
            """
            {"error":"conflict","reason":"Document update conflict."}
            """,
            LeakKinds.None, 409, "Document update conflict.");

        yield return Both("product/fastapi-400-detail-obj", 400, "application/json",
            """{"detail":{"code":"ENROLLMENT_CLOSED","message":"Enrollment for term 2024-FA is closed."}}""",
            LeakKinds.None, 400, "Enrollment for term 2024-FA is closed.");

        yield return Both("product/servicestack-400-validation", 400, "application/json; charset=utf-8",
            """{"ResponseStatus":{"ErrorCode":"NotEmpty","Message":"'Last Name' must not be empty.","Errors":[{"ErrorCode":"NotEmpty","FieldName":"LastName","Message":"'Last Name' must not be empty.","Meta":{"PropertyName":"Last Name"}}]}}""",
            LeakKinds.None, 400, "'Last Name' must not be empty.");

        yield return Both("product/servicestack-404", 404, "application/json; charset=utf-8",
            """{"ResponseStatus":{"ErrorCode":"HttpError","Message":"Student 12 does not exist"}}""",
            LeakKinds.ExceptionType, 404, "Student 12 does not exist");

        yield return Both("product/servicestack-400-exception", 400, "application/json; charset=utf-8",
            """{"ResponseStatus":{"ErrorCode":"ArgumentNullException","Message":"Value cannot be null.\r\nParameter name: LastName","StackTrace":"[CreateStudent: 3/11/2024 9:21:44 AM]:\n[REQUEST: {}]\nSystem.ArgumentNullException: Value cannot be null.\r\nParameter name: LastName\r\n   at Sis.ServiceInterface.StudentService.Post(CreateStudent request) in C:\\src\\Sis\\StudentService.cs:line 31","Errors":[]}}""",
            LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("product/akka-400", 400, "text/plain; charset=UTF-8",
            """
            The request content was malformed:
            Object is missing required member 'lastName'
            """,
            LeakKinds.None, 400, "The request content was malformed: Object is missing required member 'lastName'");

        yield return ServerError("product/iis10-502-3", 502, "text/html",
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
            <title>IIS 10.0 Detailed Error - 502.3 - Bad Gateway</title>
            </head>
            <body>
            <div id="content">
            <div class="content-container">
             <h3>HTTP Error 502.3 - Bad Gateway</h3>
             <h4>The specified CGI application encountered an error and the server terminated the process.</h4>
            </div>
            <div class="content-container">
             <fieldset><h4>Most likely causes:</h4>
              <ul> 	<li>The CGI application did not return a valid set of HTTP errors.</li> 	<li>A server acting as a proxy or gateway was unable to process the request due to an error in a parent gateway.</li> </ul>
             </fieldset>
            </div>
            <div class="content-container">
             <fieldset><h4>Detailed Error Information:</h4>
              <div id="details-left">
               <table border="0" cellpadding="0" cellspacing="0">
                <tr class="alt"><th>Module</th><td>&nbsp;&nbsp;&nbsp;AspNetCoreModuleV2</td></tr>
                <tr><th>Notification</th><td>&nbsp;&nbsp;&nbsp;ExecuteRequestHandler</td></tr>
                <tr class="alt"><th>Handler</th><td>&nbsp;&nbsp;&nbsp;aspNetCore</td></tr>
                <tr><th>Error Code</th><td>&nbsp;&nbsp;&nbsp;0x80072efe</td></tr>
               </table>
              </div>
              <div id="details-right">
               <table border="0" cellpadding="0" cellspacing="0">
                <tr class="alt"><th>Requested URL</th><td>&nbsp;&nbsp;&nbsp;http://sis-app01:80/api/students/12</td></tr>
                <tr><th>Physical Path</th><td>&nbsp;&nbsp;&nbsp;D:\Sites\StudentApi\api\students\12</td></tr>
                <tr class="alt"><th>Logon Method</th><td>&nbsp;&nbsp;&nbsp;Anonymous</td></tr>
                <tr><th>Logon User</th><td>&nbsp;&nbsp;&nbsp;Anonymous</td></tr>
               </table>
               <div class="clear"></div>
              </div>
             </fieldset>
            </div>
            </div>
            </body>
            </html>
            """,
            LeakKinds.FilePath | LeakKinds.InternalHost | LeakKinds.DebugPage);

        yield return ServerError("product/iis10-500-0-detailed", 500, "text/html",
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
            <title>IIS 10.0 Detailed Error - 500.0 - Internal Server Error</title>
            </head>
            <body>
            <div id="content">
            <div class="content-container">
             <h3>HTTP Error 500.0 - Internal Server Error</h3>
             <h4>The page cannot be displayed because an internal server error has occurred.</h4>
            </div>
            <div class="content-container">
             <fieldset><h4>Most likely causes:</h4>
              <ul> 	<li>IIS received the request; however, an internal error occurred during the processing of the request. The root cause of this error depends on which module handles the request and what was happening in the worker process when this error occurred.</li> 	<li>IIS was not able to access the web.config file for the Web site or application. This can occur if the NTFS permissions are set incorrectly.</li> </ul>
             </fieldset>
            </div>
            <div class="content-container">
             <fieldset><h4>Detailed Error Information:</h4>
              <div id="details-left">
               <table border="0" cellpadding="0" cellspacing="0">
                <tr class="alt"><th>Module</th><td>&nbsp;&nbsp;&nbsp;IsapiModule</td></tr>
                <tr><th>Notification</th><td>&nbsp;&nbsp;&nbsp;ExecuteRequestHandler</td></tr>
                <tr class="alt"><th>Handler</th><td>&nbsp;&nbsp;&nbsp;ExtensionlessUrlHandler-ISAPI-4.0_64bit</td></tr>
                <tr><th>Error Code</th><td>&nbsp;&nbsp;&nbsp;0x800703e9</td></tr>
               </table>
              </div>
              <div id="details-right">
               <table border="0" cellpadding="0" cellspacing="0">
                <tr class="alt"><th>Requested URL</th><td>&nbsp;&nbsp;&nbsp;http://localhost:80/StudentApi/api/students</td></tr>
                <tr><th>Physical Path</th><td>&nbsp;&nbsp;&nbsp;C:\inetpub\wwwroot\StudentApi\api\students</td></tr>
                <tr class="alt"><th>Logon Method</th><td>&nbsp;&nbsp;&nbsp;Anonymous</td></tr>
                <tr><th>Logon User</th><td>&nbsp;&nbsp;&nbsp;Anonymous</td></tr>
               </table>
              </div>
             </fieldset>
            </div>
            </div>
            </body>
            </html>
            """,
            LeakKinds.FilePath | LeakKinds.InternalHost | LeakKinds.DebugPage);

        yield return Both("product/iis-custom-404", 404, "text/html",
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
            <title>404 - File or directory not found.</title>
            </head>
            <body>
            <div id="header"><h1>Server Error</h1></div>
            <div id="content">
             <div class="content-container"><fieldset>
              <h2>404 - File or directory not found.</h2>
              <h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>
             </fieldset></div>
            </div>
            </body>
            </html>
            """,
            LeakKinds.None, 404, "File or directory not found.");

        yield return ServerError("product/arr-502", 502, "text/html",
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
            <title>502 - Web server received an invalid response while acting as a gateway or proxy server.</title>
            </head>
            <body>
            <div id="header"><h1>Server Error</h1></div>
            <div id="content">
             <div class="content-container"><fieldset>
              <h2>502 - Web server received an invalid response while acting as a gateway or proxy server.</h2>
              <h3>There is a problem with the page you are looking for, and it cannot be displayed. When the Web server (while acting as a gateway or proxy) contacted the upstream content server, it received an invalid response from the content server.</h3>
             </fieldset></div>
            </div>
            </body>
            </html>
            """,
            LeakKinds.None);

        yield return ServerError("product/ancm-500-30", 500, "text/html",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <title> HTTP Error 500.30 - ASP.NET Core app failed to start </title>
            </head>
            <body>
                <h1> HTTP Error 500.30 - ASP.NET Core app failed to start </h1>
                <h2> Common solutions to this issue: </h2>
                <ul><li> The app failed to start </li><li> The app started but then stopped </li><li> The app started but threw an exception during startup </li></ul>
                <h2> Troubleshooting steps: </h2>
                <ul><li> Check the system event log for error messages </li><li> Enable logging the application process' stdout messages </li><li> Attach a debugger to the application process and inspect </li></ul>
                <p> For more information visit: <a href="https://go.microsoft.com/fwlink/?LinkID=2028265"> <cite> https://go.microsoft.com/fwlink/?LinkID=2028265 </cite></a></p>
            </body>
            </html>
            """,
            LeakKinds.ExceptionType);

        yield return ServerError("product/httpsys-503", 503, "text/html; charset=us-ascii",
            """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">
            <HTML><HEAD><TITLE>Service Unavailable</TITLE>
            <META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>
            <BODY><h2>Service Unavailable</h2>
            <hr><p>HTTP Error 503. The service is unavailable.</p>
            </BODY></HTML>
            """,
            LeakKinds.None);

        yield return Both("product/tomcat10-405", 405, "text/html;charset=utf-8",
            "<!doctype html><html lang=\"en\"><head><title>HTTP Status 405 \u2013 Method Not Allowed</title><style type=\"text/css\">body {font-family:Tahoma,Arial,sans-serif;} h1, h2, h3, b {color:white;background-color:#525D76;} h1 {font-size:22px;} h2 {font-size:16px;} h3 {font-size:14px;} p {font-size:12px;} a {color:black;} .line {height:1px;background-color:#525D76;border:none;}</style></head><body><h1>HTTP Status 405 \u2013 Method Not Allowed</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p><p><b>Message</b> Method &#39;DELETE&#39; is not supported.</p><p><b>Description</b> The method received in the request-line is known by the origin server but not supported by the target resource.</p><hr class=\"line\" /><h3>Apache Tomcat/10.1.16</h3></body></html>",
            LeakKinds.None, 400, "Method 'DELETE' is not supported.");

        yield return Both("product/tomcat10-400-invalid-char", 400, "text/html;charset=utf-8",
            "<!doctype html><html lang=\"en\"><head><title>HTTP Status 400 \u2013 Bad Request</title></head><body><h1>HTTP Status 400 \u2013 Bad Request</h1><hr class=\"line\" /><p><b>Type</b> Exception Report</p><p><b>Message</b> Invalid character found in the request target [&#47;api&#47;students?name=a|b ]. The valid characters are defined in RFC 7230 and RFC 3986</p><p><b>Description</b> The server cannot or will not process the request due to something that is perceived to be a client error (e.g., malformed request syntax, invalid request message framing, or deceptive request routing).</p><p><b>Exception</b></p><pre>java.lang.IllegalArgumentException: Invalid character found in the request target [&#47;api&#47;students?name=a|b ]. The valid characters are defined in RFC 7230 and RFC 3986\n\torg.apache.coyote.http11.Http11InputBuffer.parseRequestLine(Http11InputBuffer.java:494)\n\torg.apache.coyote.http11.Http11Processor.service(Http11Processor.java:263)\n</pre><p><b>Note</b> The full stack trace of the root cause is available in the server logs.</p><hr class=\"line\" /><h3>Apache Tomcat/10.1.16</h3></body></html>",
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.DebugPage, 400, Generic.BadRequest);

        yield return ServerError("product/jetty12-500-caused-by", 500, "text/html;charset=iso-8859-1",
            """
            <html>
            <head>
            <meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>
            <title>Error 500 java.lang.IllegalStateException: Enrollment window closed</title>
            </head>
            <body>
            <h2>HTTP ERROR 500 java.lang.IllegalStateException: Enrollment window closed</h2>
            <table>
            <tr><th>URI:</th><td>/api/enrollments</td></tr>
            <tr><th>STATUS:</th><td>500</td></tr>
            <tr><th>MESSAGE:</th><td>java.lang.IllegalStateException: Enrollment window closed</td></tr>
            <tr><th>SERVLET:</th><td>com.acme.sis.EnrollmentServlet-5d7148e2</td></tr>
            <tr><th>CAUSED BY:</th><td>java.lang.IllegalStateException: Enrollment window closed</td></tr>
            </table>
            <h3>Caused by:</h3><pre>java.lang.IllegalStateException: Enrollment window closed
            	at com.acme.sis.EnrollmentServlet.doPost(EnrollmentServlet.java:58)
            	at jakarta.servlet.http.HttpServlet.service(HttpServlet.java:587)
            	at org.eclipse.jetty.ee10.servlet.ServletHolder.handle(ServletHolder.java:736)
            </pre>
            <hr/><a href="https://jetty.org/">Powered by Jetty:// 12.0.5</a><hr/>

            </body>
            </html>
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType);

        yield return Both("product/weblogic-404", 404, "text/html; charset=UTF-8",
            """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Draft//EN">
            <HTML>
            <HEAD>
            <TITLE>Error 404--Not Found</TITLE>
            </HEAD>
            <BODY bgcolor="white">
            <FONT FACE=Helvetica><BR CLEAR=all>
            <TABLE border=0 cellspacing=5><TR><TD><BR CLEAR=all>
            <FONT FACE="Helvetica" COLOR="black" SIZE="3"><H2>Error 404--Not Found</H2>
            </FONT></TD></TR>
            </TABLE>
            <TABLE border=0 width=100% cellpadding=10><TR><TD VALIGN=top WIDTH=100% BGCOLOR=white><FONT FACE="Courier New"><FONT FACE="Helvetica" SIZE="3"><H3>From RFC 2068 <i>Hypertext Transfer Protocol -- HTTP/1.1</i>:</H3>
            </FONT><FONT FACE="Helvetica" SIZE="3"><H4>10.4.5 404 Not Found</H4>
            </FONT><P><FONT FACE="Courier New">The server has not found anything matching the Request-URI. No indication is given of whether the condition is temporary or permanent.</p><p>If the server does not wish to make this information available to the client, the status code 403 (Forbidden) can be used instead. The 410 (Gone) status code SHOULD be used if the server knows, through some internally configurable mechanism, that an old resource is permanently unavailable and has no forwarding address.</FONT></P>
            </FONT></TD></TR>
            </TABLE>

            </BODY>
            </HTML>
            """,
            LeakKinds.None, 404, Generic.NotFound);

        yield return ServerError("product/weblogic-500", 500, "text/html; charset=UTF-8",
            """
            <html><head><title>Error 500--Internal Server Error</title></head><body>
            <h2>Error 500--Internal Server Error</h2>
            <pre>java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist

            	at oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:494)
            	at weblogic.jdbc.wrapper.PreparedStatement.executeQuery(PreparedStatement.java:141)
            	at com.acme.sis.dao.StudentDao.find(StudentDao.java:77)
            	at weblogic.servlet.internal.StubSecurityHelper$ServletServiceAction.run(StubSecurityHelper.java:286)
            </pre>
            </body></html>
            """,
            LeakKinds.StackTrace | LeakKinds.SqlError | LeakKinds.InternalHost | LeakKinds.ExceptionType);

        yield return ServerError("product/liberty-500", 500, "text/html;charset=ISO-8859-1",
            "Error 500: java.lang.NullPointerException: Cannot invoke &quot;com.acme.sis.Student.getId()&quot; because &quot;s&quot; is null",
            LeakKinds.ExceptionType);

        yield return Both("product/undertow-404", 404, "text/html",
            "<html><head><title>Error</title></head><body>Not Found</body></html>",
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("product/resteasy-404", 404, "text/plain;charset=UTF-8",
            "RESTEASY003210: Could not find resource for full path: http://sis-app01.corp:8080/sis/api/studentz/12",
            LeakKinds.InternalHost | LeakKinds.ExceptionType, 404, Generic.NotFound);

        yield return Both("product/resteasy-400-jsonb", 400, "text/plain;charset=UTF-8",
            "RESTEASY008200: JSON Binding deserialization error: jakarta.json.bind.JsonbException: Unable to deserialize property 'grade' because of: Error deserialize JSON value into type: class java.lang.Integer.",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return ServerError("product/glassfish-500", 500, "text/html",
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>GlassFish Server Open Source Edition  4.1.1  - Error report</title><style type="text/css"><!--H1 {font-family:Tahoma,Arial,sans-serif;color:white;background-color:#525D76;font-size:22px;} --></style> </head><body><h1>HTTP Status 500 - Internal Server Error</h1><hr/><p><b>type</b> Exception report</p><p><b>message</b>Internal Server Error</p><p><b>description</b>The server encountered an internal error that prevented it from fulfilling this request.</p><p><b>exception</b> <pre>javax.servlet.ServletException: org.glassfish.jersey.server.ContainerException: java.lang.NullPointerException</pre></p><p><b>root cause</b> <pre>java.lang.NullPointerException
            	at com.acme.sis.StudentResource.get(StudentResource.java:31)</pre></p><p><b>note</b> <u>The full stack traces of the exception and its root causes are available in the GlassFish Server Open Source Edition  4.1.1  logs.</u></p><hr/><h3>GlassFish Server Open Source Edition  4.1.1 </h3></body></html>
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.DebugPage);

        yield return new("product/spring3-problem-400", 400, "application/problem+json",
            """{"type":"about:blank","title":"Bad Request","status":400,"detail":"Failed to read request","instance":"/api/students"}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "Failed to read request"),
            ProblemDetails = new(400, "Failed to read request", PassThrough: true),
        };

        yield return Both("product/spring-400-json-parse", 400, "application/json",
            """{"timestamp":"2024-03-11T10:02:13.118+00:00","status":400,"error":"Bad Request","message":"JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String \"2024-13-01\": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '2024-13-01' could not be parsed","path":"/api/students"}""",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("product/spring-whitelabel-404", 404, "text/html;charset=UTF-8",
            "<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p><div id='created'>Mon Mar 11 09:21:44 UTC 2024</div><div>There was an unexpected error (type=Not Found, status=404).</div></body></html>",
            LeakKinds.DebugPage, 404, Generic.NotFound);

        yield return Both("product/quarkus-violations-400", 400, "application/json",
            """{"title":"Constraint Violation","status":400,"violations":[{"field":"create.student.lastName","message":"must not be blank"},{"field":"create.student.grade","message":"must be less than or equal to 12"}]}""",
            LeakKinds.None, 400, "create.student.lastName: must not be blank; create.student.grade: must be less than or equal to 12");

        yield return ServerError("product/quarkus-prod-500", 500, "application/json",
            """{"details":"Error id 5f1d2c7e-88f1-4a41-9b3a-0cd5b1c7a2e4-1, org.hibernate.exception.SQLGrammarException: could not prepare statement [Table \"STUDENTS\" not found]","stack":""}""",
            LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return ServerError("product/quarkus-dev-500", 500, "text/html;charset=UTF-8",
            """
            <!doctype html>
            <html lang="en">
            <head>
                <title>Internal Server Error - Error id 9a2b7c1d-1f3e-4a5b-8c6d-7e8f9a0b1c2d-1</title>
                <meta charset="utf-8">
            </head>
            <body>
            <header><h1 class="container">Internal Server Error</h1><div class="exception-message"><h2 class="container">Error id 9a2b7c1d-1f3e-4a5b-8c6d-7e8f9a0b1c2d-1, java.lang.ArithmeticException: / by zero</h2></div></header>
            <div class="container content">
            <div class="trace hidden"><pre>java.lang.ArithmeticException: / by zero
            	at com.acme.sis.GradeResource.average(GradeResource.java:42)
            	at com.acme.sis.GradeResource$quarkusrestinvoker$average_1a2b.invoke(Unknown Source)
            	at org.jboss.resteasy.reactive.server.handlers.InvocationHandler.handle(InvocationHandler.java:29)
            </pre></div>
            </div>
            </body>
            </html>
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType);

        yield return ServerError("product/express-prod-500", 500, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Error</title>
            </head>
            <body>
            <pre>Internal Server Error</pre>
            </body>
            </html>
            """,
            LeakKinds.None);

        yield return Both("product/express-dev-bodyparser-400", 400, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Error</title>
            </head>
            <body>
            <pre>SyntaxError: Unexpected token } in JSON at position 27<br> &nbsp; &nbsp;at JSON.parse (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at parse (/srv/sis-api/node_modules/body-parser/lib/types/json.js:89:19)<br> &nbsp; &nbsp;at /srv/sis-api/node_modules/body-parser/lib/read.js:121:18<br> &nbsp; &nbsp;at invokeCallback (/srv/sis-api/node_modules/raw-body/index.js:224:16)</pre>
            </body>
            </html>
            """,
            LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("product/express-dev-413", 413, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Error</title>
            </head>
            <body>
            <pre>PayloadTooLargeError: request entity too large<br> &nbsp; &nbsp;at readStream (/app/node_modules/raw-body/index.js:156:17)<br> &nbsp; &nbsp;at getRawBody (/app/node_modules/raw-body/index.js:109:12)</pre>
            </body>
            </html>
            """,
            LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType, 400, Generic.ContentTooLarge);

        yield return Both("product/fastify-400-validation", 400, "application/json; charset=utf-8",
            """{"statusCode":400,"code":"FST_ERR_VALIDATION","error":"Bad Request","message":"body must have required property 'lastName'"}""",
            LeakKinds.None, 400, "body must have required property 'lastName'");

        yield return ServerError("product/fastify-500", 500, "application/json; charset=utf-8",
            """{"statusCode":500,"error":"Internal Server Error","message":"Cannot read properties of undefined (reading 'id')"}""",
            LeakKinds.ExceptionType);

        yield return Both("product/fastify-415", 415, "application/json; charset=utf-8",
            """{"statusCode":415,"code":"FST_ERR_CTP_INVALID_MEDIA_TYPE","error":"Unsupported Media Type","message":"Unsupported Media Type: text/csv"}""",
            LeakKinds.None, 400, "Unsupported Media Type: text/csv");

        yield return Both("product/nest-409", 409, "application/json; charset=utf-8",
            """{"statusCode":409,"message":"A student with this email already exists","error":"Conflict"}""",
            LeakKinds.None, 409, "A student with this email already exists");

        yield return Both("product/hapi-joi-400", 400, "application/json; charset=utf-8",
            """{"statusCode":400,"error":"Bad Request","message":"\"lastName\" is required. \"grade\" must be less than or equal to 12","validation":{"source":"payload","keys":["lastName","grade"]}}""",
            LeakKinds.None, 400, "\"lastName\" is required. \"grade\" must be less than or equal to 12");

        yield return ServerError("product/graphql-500-stack", 500, "application/json",
            """{"errors":[{"message":"Cannot return null for non-nullable field Student.lastName.","locations":[{"line":3,"column":5}],"path":["student","lastName"],"extensions":{"code":"INTERNAL_SERVER_ERROR","exception":{"stacktrace":["Error: Cannot return null for non-nullable field Student.lastName.","    at completeValue (/app/node_modules/graphql/execution/execute.js:594:13)","    at /app/node_modules/graphql/execution/execute.js:486:9"]}}}],"data":null}""",
            LeakKinds.StackTrace | LeakKinds.FilePath);

        yield return Both("product/werkzeug-405", 405, "text/html; charset=utf-8",
            """
            <!doctype html>
            <html lang=en>
            <title>405 Method Not Allowed</title>
            <h1>Method Not Allowed</h1>
            <p>The method is not allowed for the requested URL.</p>
            """,
            LeakKinds.None, 400, "The request method is not supported for this resource.");

        yield return new("product/pydantic-v1-422", 422, "application/json",
            """{"detail":[{"loc":["body","student","lastName"],"msg":"field required","type":"value_error.missing"},{"loc":["query","grade"],"msg":"value is not a valid integer","type":"type_error.integer"}]}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "lastName: field required; grade: value is not a valid integer"),
            ProblemDetails = new(422, "lastName: field required; grade: value is not a valid integer"),
        };

        yield return Both("product/drf-405", 405, "application/json",
            """{"detail":"Method \"DELETE\" not allowed."}""",
            LeakKinds.None, 400, """Method "DELETE" not allowed.""");

        yield return Both("product/drf-429", 429, "application/json",
            """{"detail":"Request was throttled. Expected available in 56 seconds."}""",
            LeakKinds.None, 429, "Request was throttled. Expected available in 56 seconds.");

        yield return ServerError("product/django-500-prod", 500, "text/html",
            """

            <!doctype html>
            <html lang="en">
            <head>
              <title>Server Error (500)</title>
            </head>
            <body>
              <h1>Server Error (500)</h1><p></p>
            </body>
            </html>
            """,
            LeakKinds.None);

        yield return ServerError("product/rails-500-html", 500, "text/html; charset=UTF-8",
            """
            <!DOCTYPE html>
            <html>
            <head>
              <title>We're sorry, but something went wrong (500)</title>
              <meta name="viewport" content="width=device-width,initial-scale=1">
            </head>
            <body class="rails-default-error-page">
              <div class="dialog">
                <div>
                  <h1>We're sorry, but something went wrong.</h1>
                </div>
                <p>If you are the application owner check the logs for more information.</p>
              </div>
            </body>
            </html>
            """,
            LeakKinds.None);

        yield return new("product/rails-422-html", 422, "text/html; charset=UTF-8",
            """
            <!DOCTYPE html>
            <html>
            <head>
              <title>The change you wanted was rejected (422)</title>
            </head>
            <body class="rails-default-error-page">
              <div class="dialog">
                <div>
                  <h1>The change you wanted was rejected.</h1>
                  <p>Maybe you tried to change something you didn't have access to.</p>
                </div>
                <p>If you are the application owner check the logs for more information.</p>
              </div>
            </body>
            </html>
            """)
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "The change you wanted was rejected."),
            ProblemDetails = new(422, "The change you wanted was rejected."),
        };

        yield return Both("product/rails-json-400-param-missing", 400, "application/json; charset=utf-8",
            """{"status":400,"error":"Bad Request","exception":"#<ActionController::ParameterMissing: param is missing or the value is empty: student>","traces":{"Application Trace":[],"Framework Trace":[{"exception_object_id":8760,"id":0,"trace":"actionpack (7.1.2) lib/action_controller/metal/strong_parameters.rb:474:in `require'"}]}}""",
            LeakKinds.StackTrace | LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("product/laravel-404-model", 404, "application/json",
            """{"message":"No query results for model [App\\Models\\Student] 12"}""",
            LeakKinds.ExceptionType, 404, Generic.NotFound);

        yield return Both("product/laravel-debug-404", 404, "application/json",
            """{"message":"The route api/studentz could not be found.","exception":"Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException","file":"/var/www/html/vendor/laravel/framework/src/Illuminate/Routing/AbstractRouteCollection.php","line":44,"trace":[{"file":"/var/www/html/vendor/laravel/framework/src/Illuminate/Routing/RouteCollection.php","line":162,"function":"handleMatchedRoute","class":"Illuminate\\Routing\\AbstractRouteCollection","type":"->"}]}""",
            LeakKinds.FilePath | LeakKinds.ExceptionType, 404, "The route api/studentz could not be found.");

        yield return Both("product/laravel-419", 419, "application/json",
            """{"message":"CSRF token mismatch."}""",
            LeakKinds.None, 400, "CSRF token mismatch.");

        yield return new("product/symfony-problem-404", 404, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc2616#section-10","title":"An error occurred","status":404,"detail":"Not Found"}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(404, Generic.NotFound),
            ProblemDetails = new(404, Generic.NotFound),
        };

        yield return new("product/api-platform-422", 422, "application/ld+json; charset=utf-8",
            """{"@context":"/api/contexts/ConstraintViolationList","@type":"ConstraintViolationList","hydra:title":"An error occurred","hydra:description":"lastName: This value should not be blank.\ngrade: This value should be less than or equal to 12.","violations":[{"propertyPath":"lastName","message":"This value should not be blank.","code":"c1051bb4-d103-4f74-8988-acbcafc7fdc3"},{"propertyPath":"grade","message":"This value should be less than or equal to 12.","code":"30fbb013-d015-4232-8b3b-8f3be97a7e14"}]}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "lastName: This value should not be blank.; grade: This value should be less than or equal to 12."),
            ProblemDetails = new(422, "lastName: This value should not be blank.; grade: This value should be less than or equal to 12."),
        };

        yield return new("product/laminas-problem-404", 404, "application/problem+json",
            """{"type":"http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"Not Found","status":404,"detail":"Entity not found."}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(404, "Entity not found."),
            ProblemDetails = new(404, "Entity not found.", PassThrough: true),
        };

        yield return ServerError("product/aspnet-problem-500-exception", 500, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.1","title":"System.InvalidOperationException","status":500,"detail":"Sequence contains no elements","exception":{"details":"System.InvalidOperationException: Sequence contains no elements\r\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\r\n   at StudentApi.Endpoints.<>c.<Map>b__0_0(Int32 id) in /src/StudentApi/Endpoints.cs:line 12","headers":{"Host":["sis-app01:5000"]},"path":"/api/students/12","endpoint":"HTTP: GET /api/students/{id}","routeValues":{"id":"12"}},"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}""",
            LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.InternalHost | LeakKinds.ExceptionType);

        yield return Both("product/aspnet-problem-415", 415, "application/problem+json; charset=utf-8",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.16","title":"Unsupported Media Type","status":415,"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}""",
            LeakKinds.None, 400, "The request content type is not supported.");

        yield return new("product/aspnet-problem-409-conforming", 409, "application/problem+json; charset=utf-8",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"Conflict","status":409,"detail":"Student 12 is already enrolled in section 7.","instance":"/api/enrollments"}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(409, "Student 12 is already enrolled in section 7."),
            ProblemDetails = new(409, "Student 12 is already enrolled in section 7.", PassThrough: true),
        };

        yield return Both("product/aspnet-405-empty", 405, null,
            "",
            LeakKinds.None, 400, "The request method is not supported for this resource.");

        yield return ServerError("product/wcf-500-exception-detail-html", 500, "text/html; charset=UTF-8",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
              <head>
                <title>Request Error</title>
              </head>
              <body>
                <div id="content">
                  <p class="heading1">Request Error</p>
                  <p>The server encountered an error processing the request. The exception message is 'Object reference not set to an instance of an object.'. See server logs for more details. The exception stack trace is: </p>
                  <p>   at StudentService.GetStudent(String id) in C:\Projects\StudentService\StudentService.svc.cs:line 27
               at SyncInvokeGetStudent(Object , Object[] , Object[] )
               at System.ServiceModel.Dispatcher.SyncMethodInvoker.Invoke(Object instance, Object[] inputs, Object[]&amp; outputs)</p>
                </div>
              </body>
            </html>
            """,
            LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType);

        yield return ServerError("product/coldfusion-500-db", 500, "text/html; charset=UTF-8",
            """
            <font face="arial"></font>
            <!-- " ---></TD></TD></TD></TH></TH></TH></TR></TR></TR></TABLE></TABLE></TABLE></A></ABBREV></ACRONYM></ADDRESS></APPLET></AU></B></BANNER></BIG></BLINK></BLOCKQUOTE></BQ></CAPTION></CENTER></CITE></CODE></COMMENT></DEL></DFN></DIR></DIV></DL></EM></FIG></FN></FONT></FORM></FRAME></FRAMESET></H1></H2></H3></H4></H5></H6></HEAD></I></INS></KBD></LISTING></MAP></MARQUEE></MENU></MULTICOL></NOBR></NOFRAMES></NOSCRIPT></NOTE></OL></P></PARAM></PERSON></PLAINTEXT></PRE></Q></S></SAMP></SCRIPT></SELECT></SMALL></STRIKE></STRONG></SUB></SUP></TABLE></TD></TEXTAREA></TH></TITLE></TR></TT></U></UL></VAR></WBR></XMP>
            <font face="arial"></font>
            <html><head><title>Error Occurred While Processing Request</title></head><body>
            <font style="COLOR: black; FONT: 16pt/18pt verdana">The web site you are accessing has experienced an unexpected error.<br>Please contact the website administrator.</font>
            <br><br>
            <table border="1" cellpadding="3" bordercolor="#000808" bgcolor="#e7e7e7"><tr><td bgcolor="#000066"><font style="COLOR: white; FONT: 11pt/13pt verdana" color="white">The following information is meant for the website developer for debugging purposes.</font></td></tr>
            <tr><td bgcolor="#4646EE"><font style="COLOR: white; FONT: 11pt/13pt verdana" color="white">Error Occurred While Processing Request</font></td></tr>
            <tr><td><font style="COLOR: black; FONT: 8pt/11pt verdana"><table width="500" cellpadding="0" cellspacing="0" border="0"><tr><td id="tableProps2" align="left" valign="middle" width="500"><h1 id="textSection1" style="COLOR: black; FONT: 13pt/15pt verdana">Error Executing Database Query.</h1></td></tr>
            <tr><td id="tablePropsWidth" width="400" colspan="2"><font style="COLOR: black; FONT: 8pt/11pt verdana">[Macromedia][SQLServer JDBC Driver][SQLServer]Invalid column name 'studnet_id'.</font></td></tr>
            <tr><td><font style="COLOR: black; FONT: 8pt/11pt verdana">The error occurred in <b>D:\inetpub\wwwroot\sis\students.cfm: line 14</b><br></font></td></tr></table>
            <pre>SELECT * FROM students WHERE studnet_id = 12</pre>
            </body></html>
            """,
            LeakKinds.SqlError | LeakKinds.FilePath);

        yield return Both("product/ords-404", 404, "application/json",
            """{"code":"NotFound","message":"Not Found","type":"tag:oracle.com,2020:error/NotFound","instance":"tag:oracle.com,2020:ecid/9fc3a2d1e6bb4b9a"}""",
            LeakKinds.None, 404, Generic.NotFound);

        yield return ServerError("product/ords-555", 555, "text/html",
            """
            <!DOCTYPE html><html><head><title>555 User Defined Resource Error</title></head><body><h1>User Defined Resource Error</h1><p>The request could not be processed because an error occurred whilst attempting to evaluate the SQL statement associated with this resource. Please check the SQL statement is correctly formed and executes without error. SQL Error Code: 942, Error Message: ORA-00942: table or view does not exist
            ORA-06512: at line 4</p></body></html>
            """,
            LeakKinds.SqlError);

        yield return ServerError("product/sap-odata-v2-500", 500, "application/json",
            """{"error":{"code":"/IWBEP/CM_MGW_RT/020","message":{"lang":"en","value":"Resource not found for segment 'Student'"},"innererror":{"application":{"component_id":"","service_namespace":"/SAP/","service_id":"ZSIS_SRV","service_version":"0001"},"transactionid":"8F1E2D3C4B5A69788796A5B4C3D2E1F0","timestamp":"20240311092144.1234560","Error_Resolution":{"SAP_Transaction":"Run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for entries with the timestamp above for more details","SAP_Note":"See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)"},"errordetails":[]}}}""",
            LeakKinds.None);

        yield return Both("product/sap-odata-v2-404-xml", 404, "application/xml",
            """<?xml version="1.0" encoding="utf-8"?><error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code>/IWBEP/CM_MGW_RT/020</code><message xml:lang="en">Resource not found for segment 'StudentSet'.</message><innererror><transactionid>8F1E2D3C4B5A69788796A5B4C3D2E1F0</transactionid><timestamp>20240311092144.1234560</timestamp></innererror></error>""",
            LeakKinds.None, 404, "Resource not found for segment 'StudentSet'.");

        yield return Both("product/odata-v4-400-innererror", 400, "application/json; odata.metadata=minimal; odata.streaming=true",
            """{"error":{"code":"","message":"The query specified in the URI is not valid. Could not find a property named 'lastNmae' on type 'Sis.Models.Student'.","details":[],"innererror":{"message":"Could not find a property named 'lastNmae' on type 'Sis.Models.Student'.","type":"Microsoft.OData.ODataException","stacktrace":"   at Microsoft.OData.UriParser.EndPathBinder.GeneratePropertyAccessQueryForOpenType(EndPathToken endPathToken, SingleValueNode parentNode)\r\n   at Microsoft.OData.UriParser.EndPathBinder.BindEndPath(EndPathToken endPathToken)"}}}""",
            LeakKinds.StackTrace | LeakKinds.ExceptionType, 400, "The query specified in the URI is not valid. Could not find a property named 'lastNmae' on type 'Sis.Models.Student'.");

        yield return Both("product/odata-v4-400-details", 400, "application/json; odata.metadata=minimal",
            """{"error":{"code":"BadArgument","message":"Multiple errors in the request.","details":[{"code":"NullValue","target":"lastName","message":"Last name must not be null."},{"code":"OutOfRange","target":"grade","message":"Grade must be between 1 and 12."}]}}""",
            LeakKinds.None, 400, "lastName: Last name must not be null.; grade: Grade must be between 1 and 12.");

        yield return Both("product/jsonapi-400-multi", 400, "application/vnd.api+json",
            """{"errors":[{"status":"400","source":{"pointer":"/data/attributes/lastName"},"title":"Invalid Attribute","detail":"Last name must not be blank."},{"status":"400","source":{"parameter":"include"},"title":"Invalid Query Parameter","detail":"The resource does not have an 'author' relationship path."}]}""",
            LeakKinds.None, 400, "lastName: Last name must not be blank.; include: The resource does not have an 'author' relationship path.");

        yield return ServerError("product/jsonapi-500-meta-trace", 500, "application/vnd.api+json",
            """{"errors":[{"status":"500","title":"Internal Server Error","detail":"undefined method `name' for nil:NilClass","meta":{"backtrace":["/app/app/serializers/student_serializer.rb:12:in `block in <class:StudentSerializer>'"]}}]}""",
            LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType);

        yield return Both("product/grpc-gw-404", 404, "application/json",
            """{"code":5,"message":"student 12 not found","details":[]}""",
            LeakKinds.None, 404, "student 12 not found");

        yield return Both("product/grpc-gw-400-badrequest", 400, "application/json",
            """{"code":3,"message":"invalid CreateStudentRequest.Grade: value must be inside range [1, 12]","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"grade","description":"value must be inside range [1, 12]"}]}]}""",
            LeakKinds.None, 400, "invalid CreateStudentRequest.Grade: value must be inside range [1, 12]");

        yield return ServerError("product/grpc-gw-500", 500, "application/json",
            """{"code":2,"message":"pq: relation \"students\" does not exist","details":[]}""",
            LeakKinds.SqlError);

        yield return ServerError("product/aws-apigw-502", 502, "application/json",
            """{"message": "Internal server error"}""",
            LeakKinds.None);

        yield return Both("product/aws-apigw-403-arn", 403, "application/json",
            """{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/students"}""",
            LeakKinds.InternalHost, 403, Generic.Forbidden);

        yield return Both("product/s3-403-access-denied", 403, "application/xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>t5Y2u3IUhKhtwAs1L0NmUJ3fTj0gFfeEXmRqX0vzr1y3u7xHS+Z+vSpx3n8UTzTqjHMrgmJ1sZ4=</HostId></Error>
            """,
            LeakKinds.None, 403, "Access Denied");

        yield return Both("product/azure-arm-404", 404, "application/json; charset=utf-8",
            """{"error":{"code":"ResourceNotFound","message":"The Resource 'Microsoft.Web/sites/sis-api' under resource group 'rg-sis-prod' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"}}""",
            LeakKinds.None, 404, "The Resource 'Microsoft.Web/sites/sis-api' under resource group 'rg-sis-prod' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

        yield return Both("product/azure-servicebus-401", 401, "application/xml; charset=utf-8",
            "<Error><Code>401</Code><Detail>InvalidSignature: The token has an invalid signature. TrackingId:4c0f3e58-7a51-4f0e-9f64-5e9a36a3d2b1_G21, SystemTracker:sis-bus.servicebus.windows.net:enrollments, Timestamp:2024-03-11T09:21:44</Detail></Error>",
            LeakKinds.InternalHost, 401, Generic.Unauthorized);

        yield return Both("product/google-400-details", 400, "application/json; charset=UTF-8",
            """{"error":{"code":400,"message":"Invalid value at 'student.grade' (TYPE_INT32), \"twelve\"","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"student.grade","description":"Invalid value at 'student.grade' (TYPE_INT32), \"twelve\""}]}]}}""",
            LeakKinds.None, 400, "Invalid value at 'student.grade' (TYPE_INT32), \"twelve\"");

        yield return ServerError("product/google-503", 503, "application/json; charset=UTF-8",
            """{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}""",
            LeakKinds.None);

        yield return ServerError("product/cf-522", 522, "text/html; charset=UTF-8",
            """
            <!DOCTYPE html>
            <html class="no-js" lang="en-US">
            <head>
            <title>sis.example.com | 522: Connection timed out</title>
            </head>
            <body>
            <div id="cf-wrapper">
            <div id="cf-error-details" class="p-0">
            <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
            <h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
            <span class="inline-block">Connection timed out</span>
            <span class="code-label">Error code 522</span>
            </h1>
            <div>Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_522&utm_campaign=sis.example.com" target="_blank" rel="noopener noreferrer">cloudflare.com</a> for more information.</div>
            <div class="mt-3">2024-03-11 09:21:44 UTC</div>
            </header>
            <div class="cf-error-overview">The initial connection between Cloudflare's network and the origin web server timed out. As a result, the web page can not be displayed.</div>
            <p class="text-13"><span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">86242d2b7c9e2f3a</strong></span><span class="cf-footer-item sm:block sm:mb-1"><span>Your IP:</span> 203.0.113.50</span></p>
            </div>
            </div>
            </body>
            </html>
            """,
            LeakKinds.None);

        yield return ServerError("product/cf-524", 524, "text/html; charset=UTF-8",
            """<!DOCTYPE html><html><head><title>sis.example.com | 524: A timeout occurred</title></head><body><h1><span class="inline-block">A timeout occurred</span><span class="code-label">Error code 524</span></h1></body></html>""",
            LeakKinds.None);

        yield return ServerError("product/varnish-503", 503, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html>
              <head>
                <title>503 Backend fetch failed</title>
              </head>
              <body>
                <h1>Error 503 Backend fetch failed</h1>
                <p>Backend fetch failed</p>
                <h3>Guru Meditation:</h3>
                <p>XID: 32770</p>
                <hr>
                <p>Varnish cache server</p>
              </body>
            </html>
            """,
            LeakKinds.None);

        yield return ServerError("product/apache-500", 500, "text/html; charset=iso-8859-1",
            """
            <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
            <html><head>
            <title>500 Internal Server Error</title>
            </head><body>
            <h1>Internal Server Error</h1>
            <p>The server encountered an internal error or
            misconfiguration and was unable to complete
            your request.</p>
            <p>Please contact the server administrator at 
             webmaster@sis-app01.corp to inform them of the time this error occurred,
             and the actions you performed just before this error.</p>
            <p>More information about this error may be available
            in the server error log.</p>
            <hr>
            <address>Apache/2.4.41 (Ubuntu) Server at sis-app01.corp Port 80</address>
            </body></html>
            """,
            LeakKinds.InternalHost);

        yield return Both("product/apache-405", 405, "text/html; charset=iso-8859-1",
            """
            <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
            <html><head>
            <title>405 Method Not Allowed</title>
            </head><body>
            <h1>Method Not Allowed</h1>
            <p>The requested method DELETE is not allowed for this URL.</p>
            </body></html>
            """,
            LeakKinds.None, 400, "The request method is not supported for this resource.");

        yield return Both("product/nginx-400-plain-http", 400, "text/html",
            "<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx/1.18.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n",
            LeakKinds.None, 400, "The plain HTTP request was sent to HTTPS port");

        yield return ServerError("product/haproxy-504", 504, "text/html",
            """
            <html><body><h1>504 Gateway Time-out</h1>
            The server didn't respond in time.
            </body></html>
            """,
            LeakKinds.None);

        yield return ServerError("product/envoy-504", 504, "text/plain",
            "upstream request timeout",
            LeakKinds.None);

        yield return Both("product/envoy-403-rbac", 403, "text/plain",
            "RBAC: access denied",
            LeakKinds.None, 403, "RBAC: access denied");

        yield return ServerError("product/kong-503-no-upstream", 503, "application/json; charset=utf-8",
            """
            {
              "message":"failure to get a peer from the ring-balancer"
            }
            """,
            LeakKinds.None);

        yield return Both("product/kong-429", 429, "application/json; charset=utf-8",
            """
            {
              "message":"API rate limit exceeded"
            }
            """,
            LeakKinds.None, 429, "API rate limit exceeded");

        yield return new("product/axum-422-text", 422, "text/plain; charset=utf-8",
            "Failed to deserialize the JSON body into the target type: missing field `lastName` at line 1 column 23")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "Failed to deserialize the JSON body into the target type: missing field `lastName` at line 1 column 23"),
            ProblemDetails = new(422, "Failed to deserialize the JSON body into the target type: missing field `lastName` at line 1 column 23"),
        };

        yield return Both("product/actix-400-text", 400, "text/plain; charset=utf-8",
            """Json deserialize error: invalid type: string "twelve", expected u8 at line 1 column 32""",
            LeakKinds.None, 400, """Json deserialize error: invalid type: string "twelve", expected u8 at line 1 column 32""");

        yield return Both("product/stripe-404", 404, "application/json",
            """{"error":{"code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing","message":"No such customer: 'cus_NffrFeUfNV2Hib'","param":"id","request_log_url":"https://dashboard.stripe.com/test/logs/req_1a2b3c","type":"invalid_request_error"}}""",
            LeakKinds.None, 404, "No such customer: 'cus_NffrFeUfNV2Hib'");

        yield return Both("product/twilio-400", 400, "application/json",
            """{"code": 21211, "message": "The 'To' number +1555 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""",
            LeakKinds.None, 400, "The 'To' number +1555 is not a valid phone number.");

        yield return Both("product/salesforce-400-array", 400, "application/json;charset=UTF-8",
            """[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}]""",
            LeakKinds.None, 400, "Required fields are missing: [LastName]");

        yield return Both("product/elastic-404", 404, "application/json; charset=UTF-8",
            """{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [students]","resource.type":"index_or_alias","resource.id":"students","index_uuid":"_na_","index":"students"}],"type":"index_not_found_exception","reason":"no such index [students]","resource.type":"index_or_alias","resource.id":"students","index_uuid":"_na_","index":"students"},"status":404}""",
            LeakKinds.ExceptionType, 404, Generic.NotFound);

        yield return Both("product/webapi2-404-messagedetail", 404, "application/json; charset=utf-8",
            """{"Message":"No HTTP resource was found that matches the request URI 'http://sis-app01/StudentApi/api/studentz/12'.","MessageDetail":"No type was found that matches the controller named 'studentz'."}""",
            LeakKinds.InternalHost, 404, Generic.NotFound);

        yield return Both("product/webapi2-405", 405, "application/json; charset=utf-8",
            """{"Message":"The requested resource does not support http method 'DELETE'."}""",
            LeakKinds.None, 400, "The requested resource does not support http method 'DELETE'.");

        yield return new("product/loopback4-422", 422, "application/json; charset=utf-8",
            """{"error":{"statusCode":422,"name":"UnprocessableEntityError","message":"The request body is invalid. See error object `details` property for more info.","code":"VALIDATION_FAILED","details":[{"path":"","code":"required","message":"must have required property 'lastName'","info":{"missingProperty":"lastName"}}]}}""")
        {
            Leaks = LeakKinds.ExceptionType,
            EdFi = new(400, "must have required property 'lastName'"),
            ProblemDetails = new(422, "must have required property 'lastName'"),
        };

        yield return new("product/loopback3-422-stack", 422, "application/json; charset=utf-8",
            """{"error":{"statusCode":422,"name":"ValidationError","message":"The `Student` instance is not valid. Details: `lastName` can't be blank (value: undefined).","details":{"context":"Student","codes":{"lastName":["presence"]},"messages":{"lastName":["can't be blank"]}},"stack":"ValidationError: The `Student` instance is not valid.\n    at /app/node_modules/loopback-datasource-juggler/lib/dao.js:398:12"}}""")
        {
            Leaks = LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType,
            EdFi = new(400, "The `Student` instance is not valid. Details: `lastName` can't be blank (value: undefined)."),
            ProblemDetails = new(422, "The `Student` instance is not valid. Details: `lastName` can't be blank (value: undefined)."),
        };

        yield return Both("product/strapi-400", 400, "application/json; charset=utf-8",
            """{"data":null,"error":{"status":400,"name":"ValidationError","message":"lastName must be defined.","details":{"errors":[{"path":["lastName"],"message":"lastName must be defined.","name":"ValidationError"}]}}}""",
            LeakKinds.ExceptionType, 400, "lastName must be defined.");

        yield return Conflict("product/postgrest-409", 409, "application/json; charset=utf-8",
            """{"code":"23505","details":"Key (email)=(ada@example.com) already exists.","hint":null,"message":"duplicate key value violates unique constraint \"students_email_key\""}""",
            LeakKinds.SqlError);

        yield return Both("product/postgrest-404-relation", 404, "application/json; charset=utf-8",
            """{"code":"42P01","details":null,"hint":null,"message":"relation \"public.studnts\" does not exist"}""",
            LeakKinds.SqlError, 404, Generic.NotFound);

        yield return Conflict("product/postgrest-fk-409", 409, "application/json; charset=utf-8",
            """{"code":"23503","details":"Key (school_id)=(99) is not present in table \"schools\".","hint":null,"message":"insert or update on table \"students\" violates foreign key constraint \"students_school_id_fkey\""}""",
            LeakKinds.SqlError);

        yield return Both("product/yii2-404", 404, "application/json; charset=UTF-8",
            """{"name":"Not Found","message":"Page not found.","code":0,"status":404,"type":"yii\\web\\NotFoundHttpException"}""",
            LeakKinds.ExceptionType, 404, "Page not found.");

        yield return new("product/yii2-422-array", 422, "application/json; charset=UTF-8",
            """[{"field":"last_name","message":"Last Name cannot be blank."},{"field":"grade","message":"Grade must be no greater than 12."}]""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "last_name: Last Name cannot be blank.; grade: Grade must be no greater than 12."),
            ProblemDetails = new(422, "last_name: Last Name cannot be blank.; grade: Grade must be no greater than 12."),
        };

        yield return Both("product/express-validator-400", 400, "application/json; charset=utf-8",
            """{"errors":[{"type":"field","value":"","msg":"Last name is required","path":"lastName","location":"body"},{"type":"field","value":"14","msg":"Grade must be between 1 and 12","path":"grade","location":"body"}]}""",
            LeakKinds.None, 400, "lastName: Last name is required; grade: Grade must be between 1 and 12");

        yield return Both("product/falcon-400", 400, "application/json",
            """{"title": "400 Bad Request", "description": "The JSON body is missing the 'lastName' field."}""",
            LeakKinds.None, 400, "The JSON body is missing the 'lastName' field.");

        yield return Both("product/litestar-400", 400, "application/json",
            """{"status_code":400,"detail":"Validation failed for POST http://localhost:8000/api/students","extra":[{"message":"Field required","key":"lastName","source":"body"}]}""",
            LeakKinds.InternalHost, 400, Generic.BadRequest);

        yield return Both("product/bottle-404", 404, "text/html; charset=UTF-8",
            """

                <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
                <html>
                    <head>
                        <title>Error: 404 Not Found</title>
                    </head>
                    <body>
                        <h1>Error: 404 Not Found</h1>
                        <p>Sorry, the requested URL <tt>&#039;http://sis-app01:8080/api/studentz&#039;</tt>
                           caused an error:</p>
                        <pre>Not found: &#039;/api/studentz&#039;</pre>
                    </body>
                </html>
            """,
            LeakKinds.InternalHost, 404, Generic.NotFound);

        yield return new("product/dropwizard-422", 422, "application/json",
            """{"errors":["lastName may not be empty","grade must be less than or equal to 12"]}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "lastName may not be empty; grade must be less than or equal to 12"),
            ProblemDetails = new(422, "lastName may not be empty; grade must be less than or equal to 12"),
        };

        yield return ServerError("product/dropwizard-500", 500, "application/json",
            """{"code":500,"message":"There was an error processing your request. It has been logged (ID 6a2c1d5e8f9b0a13)."}""",
            LeakKinds.None);

        yield return ServerError("product/spring-cloud-gw-503", 503, "application/json",
            """{"timestamp":"2024-03-11T09:21:44.512+00:00","path":"/api/students","status":503,"error":"Service Unavailable","requestId":"a1b2c3d4-12"}""",
            LeakKinds.None);

        yield return ServerError("product/zuul-500", 500, "application/json",
            """{"timestamp":1710148904512,"status":500,"error":"Internal Server Error","exception":"com.netflix.zuul.exception.ZuulException","message":"GENERAL"}""",
            LeakKinds.ExceptionType);

        yield return ServerError("product/mule-500", 500, "application/json",
            """{"message":"HTTP GET on resource 'http://sis-backend.internal:8081/api/students' failed: internal server error (500)."}""",
            LeakKinds.InternalHost);

        yield return ServerError("product/heroku-503", 503, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            	<html>
            	  <head>
            		<meta name="viewport" content="width=device-width, initial-scale=1">
            		<meta charset="utf-8">
            		<title>Application Error</title>
            	  </head>
            	  <body>
            		<iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe>
            	  </body>
            	</html>
            """,
            LeakKinds.None);

        yield return Both("product/hasura-400", 400, "application/json",
            """{"path":"$.selectionSet.studnts","error":"field 'studnts' not found in type: 'query_root'","code":"validation-failed"}""",
            LeakKinds.None, 400, "field 'studnts' not found in type: 'query_root'");

        yield return Both("product/drf-nested", 400, "application/json",
            """{"address":{"zip_code":["Enter a valid ZIP code."]},"guardians":[{},{"phone":["This field is required."]}]}""",
            LeakKinds.None, 400, "address.zip_code: Enter a valid ZIP code.");

        yield return Both("product/codeigniter4-404", 404, "application/json; charset=UTF-8",
            """{"status":404,"error":404,"messages":{"error":"Student 12 not found"}}""",
            LeakKinds.None, 404, "Student 12 not found");

        yield return Both("product/codeigniter4-400", 400, "application/json; charset=UTF-8",
            """{"status":400,"error":400,"messages":{"last_name":"The last_name field is required.","grade":"The grade field must contain a number less than or equal to 12."}}""",
            LeakKinds.None, 400, "last_name: The last_name field is required.; grade: The grade field must contain a number less than or equal to 12.");

        yield return new("product/edfi7-400-validation", 400, "application/problem+json; charset=utf-8",
            """{"detail":"Data validation failed. See 'validationErrors' for details.","type":"urn:ed-fi:api:bad-request:data-validation-failed","title":"Data Validation Failed","status":400,"correlationId":"a1b2c3d4e5","validationErrors":{"$.studentUniqueId":["StudentUniqueId is required."],"$.birthDate":["BirthDate is required."]},"errors":[]}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "studentUniqueId: StudentUniqueId is required.; birthDate: BirthDate is required."),
            ProblemDetails = new(400, "studentUniqueId: StudentUniqueId is required.; birthDate: BirthDate is required."),
        };

        yield return new("product/edfi7-409-unresolved", 409, "application/problem+json; charset=utf-8",
            """{"detail":"The referenced 'School' resource does not exist.","type":"urn:ed-fi:api:conflict:unresolved-reference","title":"Unresolved Reference","status":409,"correlationId":"a1b2c3d4e5"}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(409, "The referenced 'School' resource does not exist."),
            ProblemDetails = new(409, "The referenced 'School' resource does not exist."),
        };

        yield return new("product/edfi7-404", 404, "application/problem+json; charset=utf-8",
            """{"detail":"The specified resource could not be found.","type":"urn:ed-fi:api:not-found","title":"Not Found","status":404,"correlationId":"a1b2c3d4e5"}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(404, "The specified resource could not be found."),
            ProblemDetails = new(404, "The specified resource could not be found.", PassThrough: true),
        };

        yield return new("product/edfi7-412", 412, "application/problem+json; charset=utf-8",
            """{"detail":"The item has been modified by another user.","type":"urn:ed-fi:api:optimistic-lock-failed","title":"Optimistic Lock Failed","status":412,"correlationId":"a1b2c3d4e5","errors":["The resource item's etag value does not match what was specified in the 'If-Match' request header indicating that it has been modified by another client since it was last retrieved."]}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(412, "The resource item's etag value does not match what was specified in the 'If-Match' request header indicating that it has been modified by another client since it was last retrieved."),
            ProblemDetails = new(412, "The resource item's etag value does not match what was specified in the 'If-Match' request header indicating that it has been modified by another client since it was last retrieved."),
        };

        yield return ServerError("product/edfi7-500", 500, "application/problem+json; charset=utf-8",
            """{"detail":"The server encountered an unexpected condition that prevented it from fulfilling the request.","type":"urn:ed-fi:api:system","title":"System Error","status":500,"correlationId":"a1b2c3d4e5"}""",
            LeakKinds.None);

        yield return new("product/edfi7-403-auth", 403, "application/problem+json; charset=utf-8",
            """{"detail":"Access to the requested data could not be authorized.","type":"urn:ed-fi:api:security:authorization:access-denied:resource","title":"Authorization Denied","status":403,"correlationId":"a1b2c3d4e5","errors":["The API client's assigned claim set (currently 'SIS Vendor') must grant permission of the 'Create' action on one of the following claims: 'http://ed-fi.org/ods/identity/claims/domains/edFiTypes', 'http://ed-fi.org/ods/identity/claims/student'."]}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(403, "The API client's assigned claim set (currently 'SIS Vendor') must grant permission of the 'Create' action on one of the following claims: 'http://ed-fi.org/ods/identity/claims/domains/edFiTypes', 'http://ed-fi.org/ods/identity/claims/student'."),
            ProblemDetails = new(403, "The API client's assigned claim set (currently 'SIS Vendor') must grant permission of the 'Create' action on one of the following claims: 'http://ed-fi.org/ods/identity/claims/domains/edFiTypes', 'http://ed-fi.org/ods/identity/claims/student'."),
        };

        yield return new("product/edfi7-400-key-change", 400, "application/problem+json; charset=utf-8",
            """{"detail":"The request could not be processed. See 'errors' for details.","type":"urn:ed-fi:api:bad-request:key-change-not-supported","title":"Key Change Not Supported","status":400,"correlationId":"a1b2c3d4e5","errors":["Key values for this resource cannot be changed. Delete and recreate the resource item instead."]}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "Key values for this resource cannot be changed. Delete and recreate the resource item instead."),
            ProblemDetails = new(400, "Key values for this resource cannot be changed. Delete and recreate the resource item instead."),
        };

        yield return Both("product/edfi5-400-modelstate", 400, "application/json; charset=utf-8",
            """{"message":"The request is invalid.","modelState":{"request.StudentUniqueId":["StudentUniqueId is required."]}}""",
            LeakKinds.None, 400, "request.StudentUniqueId: StudentUniqueId is required.");

        yield return Both("product/edfi5-409", 409, "application/json; charset=utf-8",
            """{"message":"The value supplied for the related 'studentschoolassociation' resource does not exist."}""",
            LeakKinds.None, 409, "The value supplied for the related 'studentschoolassociation' resource does not exist.");

        yield return Both("product/edfi5-412", 412, "application/json; charset=utf-8",
            """{"message":"Resource was modified by another consumer."}""",
            LeakKinds.None, 412, "Resource was modified by another consumer.");

        yield return ServerError("product/edfi5-500", 500, "application/json; charset=utf-8",
            """{"message":"An unexpected error occurred on the server."}""",
            LeakKinds.None);

        yield return Both("product/httpsys-400-too-long", 400, "text/html; charset=us-ascii",
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n<HTML><HEAD><TITLE>Bad Request</TITLE>\r\n<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n<BODY><h2>Bad Request - Request Too Long</h2>\r\n<hr><p>HTTP Error 400. The size of the request headers is too long.</p>\r\n</BODY></HTML>\r\n",
            LeakKinds.None, 400, "Bad Request - Request Too Long");

        yield return Both("product/iis-401-2", 401, "text/html",
            """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
            <title>401 - Unauthorized: Access is denied due to invalid credentials.</title>
            </head>
            <body>
            <div id="header"><h1>Server Error</h1></div>
            <div id="content">
             <div class="content-container"><fieldset>
              <h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2>
              <h3>You do not have permission to view this directory or page using the credentials that you supplied.</h3>
             </fieldset></div>
            </div>
            </body>
            </html>
            """,
            LeakKinds.None, 401, "Unauthorized: Access is denied due to invalid credentials.");

        yield return Both("product/iis-404-13", 404, "text/html",
            """<html><head><title>IIS 10.0 Detailed Error - 404.13 - Not Found</title></head><body><div id="content"><div class="content-container"><h3>HTTP Error 404.13 - Not Found</h3><h4>The request filtering module is configured to deny a request that exceeds the request content length.</h4></div></div></body></html>""",
            LeakKinds.DebugPage, 404, Generic.NotFound);

        yield return Both("product/iis-403-forbidden-custom", 403, "text/html",
            """<html><head><title>403 - Forbidden: Access is denied.</title></head><body><div id="header"><h1>Server Error</h1></div><div id="content"><div class="content-container"><fieldset><h2>403 - Forbidden: Access is denied.</h2><h3>You do not have permission to view this directory or page using the credentials that you supplied.</h3></fieldset></div></div></body></html>""",
            LeakKinds.None, 403, "Forbidden: Access is denied.");

        yield return Both("product/tomcat-403-manager", 403, "text/html;charset=utf-8",
            "<!doctype html><html lang=\"en\"><head><title>HTTP Status 403 \u2013 Forbidden</title></head><body><h1>HTTP Status 403 \u2013 Forbidden</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p><p><b>Message</b> Access to the specified resource has been forbidden.</p><p><b>Description</b> The server understood the request but refuses to authorize it.</p><hr class=\"line\" /><h3>Apache Tomcat/9.0.83</h3></body></html>",
            LeakKinds.None, 403, "Access to the specified resource has been forbidden.");

        yield return Both("product/spring-security-403-json", 403, "application/json",
            """{"timestamp":"2024-03-11T09:21:44.512+00:00","status":403,"error":"Forbidden","path":"/api/students"}""",
            LeakKinds.None, 403, Generic.Forbidden);

        yield return new("product/edfi-conforming-400", 400, "application/json",
            """{"code":400,"type":"Bad Request","message":"Grade must be between 1 and 12."}""")
        {
            Leaks = LeakKinds.None,
            EdFi = new(400, "Grade must be between 1 and 12.", PassThrough: true),
            ProblemDetails = new(400, "Grade must be between 1 and 12."),
        };


        // Express/NestJS/Fiber and Fastify answer a path no route matches with their stock line and the path as the
        // upstream saw it (not the client's, once a route rewrites it): it says only 404.
        yield return Both("product/nest-404-default", 404, "application/json; charset=utf-8",
            """{"message":"Cannot GET /api/studentz","error":"Not Found","statusCode":404}""",
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("product/express-404-text", 404, "text/plain; charset=utf-8",
            "Cannot GET /api/studentz",
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("product/fastify-404", 404, "application/json; charset=utf-8",
            """{"message":"Route GET:/api/studentz/12 not found","error":"Not Found","statusCode":404}""",
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("product/express-409-cannot-with-reason", 409, "application/json; charset=utf-8",
            """{"message":"Cannot DELETE /api/students/12 while it has enrollments."}""",
            LeakKinds.None, 409, "Cannot DELETE /api/students/12 while it has enrollments.");
    }
}
