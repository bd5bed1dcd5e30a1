using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Spring Boot, Tomcat, JAX-RS, Ktor and Play answers.</summary>
public static class JavaCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return ServerError("java/spring-boot-500-json-trace", 500, "application/json",
            """{"timestamp":"2024-03-11T09:21:44.512+00:00","status":500,"error":"Internal Server Error","trace":"java.lang.NullPointerException: Cannot invoke \"com.acme.sis.domain.Student.getGrade()\" because \"student\" is null\n\tat com.acme.sis.service.EnrollmentService.enroll(EnrollmentService.java:87)\n\tat com.acme.sis.web.EnrollmentController.create(EnrollmentController.java:41)\n\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n","message":"Cannot invoke \"com.acme.sis.domain.Student.getGrade()\" because \"student\" is null","path":"/api/enrollments"}""",
            LeakKinds.StackTrace | LeakKinds.ExceptionType);

        yield return Both("java/spring-boot-404-clean", 404, "application/json",
            """{"timestamp":"2024-03-11T09:25:02.004+00:00","status":404,"error":"Not Found","message":"Student 12 was not found.","path":"/api/students/12"}""",
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("java/spring-boot-404-no-message", 404, "application/json",
            """{"timestamp":"2024-03-11T09:25:02.004+00:00","status":404,"error":"Not Found","message":"No message available","path":"/api/studentz"}""",
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("java/spring-validation-400", 400, "application/json",
            """{"timestamp":"2024-03-11T10:02:13.118+00:00","status":400,"error":"Bad Request","errors":[{"codes":["NotBlank.student.lastName","NotBlank.lastName"],"defaultMessage":"Last name is required.","objectName":"student","field":"lastName","rejectedValue":"","bindingFailure":false,"code":"NotBlank"},{"codes":["Range.student.grade"],"defaultMessage":"Grade must be between 1 and 12.","objectName":"student","field":"grade","rejectedValue":14,"bindingFailure":false,"code":"Range"}],"path":"/api/students"}""",
            LeakKinds.None, 400, "lastName: Last name is required.; grade: Grade must be between 1 and 12.");

        yield return ServerError("java/spring-whitelabel-500", 500, "text/html;charset=UTF-8",
            """
            <html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p><div id='created'>Mon Mar 11 09:21:44 UTC 2024</div><div>There was an unexpected error (type=Internal Server Error, status=500).</div><div>could not execute statement; SQL [n/a]; constraint [fk_enrollment_student]; nested exception is org.hibernate.exception.ConstraintViolationException: could not execute statement</div></body></html>
            """,
            LeakKinds.DebugPage | LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return ServerError("java/tomcat-500-exception-report", 500, "text/html;charset=utf-8",
            """
            <!doctype html><html lang="en"><head><title>HTTP Status 500 – Internal Server Error</title><style type="text/css">body {font-family:Tahoma,Arial,sans-serif;} h1, h2, h3, b {color:white;background-color:#525D76;}</style></head><body><h1>HTTP Status 500 – Internal Server Error</h1><hr class="line" /><p><b>Type</b> Exception Report</p><p><b>Message</b> Request processing failed; nested exception is java.lang.IllegalStateException: No enrollment window is open</p><p><b>Description</b> The server encountered an unexpected condition that prevented it from fulfilling the request.</p><p><b>Exception</b></p><pre>org.springframework.web.util.NestedServletException: Request processing failed; nested exception is java.lang.IllegalStateException: No enrollment window is open
            	org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)
            	org.springframework.web.servlet.FrameworkServlet.doPost(FrameworkServlet.java:909)
            	javax.servlet.http.HttpServlet.service(HttpServlet.java:681)
            </pre><p><b>Note</b> The full stack trace of the root cause is available in the server logs.</p><hr class="line" /><h3>Apache Tomcat/9.0.83</h3></body></html>
            """,
            LeakKinds.DebugPage | LeakKinds.StackTrace | LeakKinds.ExceptionType);

        yield return Both("java/tomcat-404-status-report", 404, "text/html;charset=utf-8",
            """
            <!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title><style type="text/css">body {font-family:Tahoma,Arial,sans-serif;} h1 {font-size:22px;}</style></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> The requested resource [&#47;sis&#47;api&#47;students&#47;12] is not available</p><p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p><hr class="line" /><h3>Apache Tomcat/9.0.83</h3></body></html>
            """,
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("java/tomcat-404-senderror-message", 404, "text/html;charset=utf-8",
            """
            <!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> Student 12 was not found.</p><p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p><hr class="line" /><h3>Apache Tomcat/9.0.83</h3></body></html>
            """,
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("java/tomcat7-400-senderror-message", 400, "text/html;charset=utf-8",
            """
            <html><head><title>Apache Tomcat/7.0.109 - Error report</title></head><body><h1>HTTP Status 400 - Grade must be between 1 and 12.</h1><HR size="1" noshade="noshade"><p><b>type</b> Status report</p><p><b>message</b> <u>Grade must be between 1 and 12.</u></p><p><b>description</b> <u>The request sent by the client was syntactically incorrect.</u></p><HR size="1" noshade="noshade"><h3>Apache Tomcat/7.0.109</h3></body></html>
            """,
            LeakKinds.None, 400, "Grade must be between 1 and 12.");

        yield return Both("java/jetty-404-message-row", 404, "text/html;charset=iso-8859-1",
            """
            <html><head><meta http-equiv="Content-Type" content="text/html;charset=utf-8"/><title>Error 404 Not Found</title></head><body><h2>HTTP ERROR 404 Not Found</h2><table><tr><th>URI:</th><td>/api/students/12</td></tr><tr><th>STATUS:</th><td>404</td></tr><tr><th>MESSAGE:</th><td>Student 12 was not found.</td></tr><tr><th>SERVLET:</th><td>dispatcherServlet</td></tr></table><hr/><a href="https://eclipse.org/jetty">Powered by Jetty:// 9.4.43.v20210629</a><hr/></body></html>
            """,
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("java/jetty-404-default-message", 404, "text/html;charset=iso-8859-1",
            """
            <html><head><title>Error 404 Not Found</title></head><body><h2>HTTP ERROR 404 Not Found</h2><table><tr><th>URI:</th><td>/api/x</td></tr><tr><th>STATUS:</th><td>404</td></tr><tr><th>MESSAGE:</th><td>Not Found</td></tr></table></body></html>
            """,
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("java/jboss-404-message-ids", 404, "text/html",
            """
            <html><head><title>JBWEB000065: HTTP Status 404 - /sis/api/students/12</title></head><body><h1>JBWEB000065: HTTP Status 404 - /sis/api/students/12</h1><p><b>JBWEB000309: type</b> JBWEB000067: Status report</p><p><b>JBWEB000068: message</b> <u>/sis/api/students/12</u></p><p><b>JBWEB000069: description</b> <u>JBWEB000124: The requested resource is not available.</u></p><hr/><h3>JBoss Web/7.0.13.Final</h3></body></html>
            """,
            LeakKinds.ExceptionType, 404, Generic.NotFound);

        yield return Both("java/websphere-404-srve", 404, "text/html",
            "Error 404: SRVE0190E: File not found: /api/students/12",
            LeakKinds.ExceptionType, 404, Generic.NotFound);

        yield return ServerError("java/oracle-plain-text-trace", 500, "text/plain",
            """
            java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist

            	at oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:509)
            	at oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:461)
            	at oracle.jdbc.driver.T4C8Oall.processError(T4C8Oall.java:1104)
            	... 42 more
            """,
            LeakKinds.StackTrace | LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return Both("java/jaxrs-400-plain-clean", 400, "text/plain",
            "Invalid date format for 'birthDate': expected yyyy-MM-dd",
            LeakKinds.None, 400, "Invalid date format for 'birthDate': expected yyyy-MM-dd");

        yield return ServerError("java/caused-by-502", 502, "text/plain;charset=UTF-8",
            """
            Upstream call to the roster service failed
            Caused by: java.net.ConnectException: Connection refused (Connection refused)
            	at java.base/sun.nio.ch.Net.connect0(Native Method)
            	at java.base/sun.nio.ch.Net.connect(Net.java:579)
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType);

        yield return Both("java/ktor-400-missing-field", 400, "text/plain; charset=UTF-8",
            """
            kotlinx.serialization.MissingFieldException: Field 'studentId' is required for type with serial name 'com.acme.sis.EnrollmentRequest', but it was missing
            	at io.ktor.serialization.kotlinx.KotlinxSerializationConverter.deserialize(KotlinxSerializationConverter.kt:55)
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return ServerError("java/play-500-execution-exception", 500, "text/html; charset=utf-8",
            """
            <!DOCTYPE html><html lang="en"><head><title>Execution exception</title></head><body id="play-error-page"><h1>Execution exception</h1><p id="detail">[NoSuchElementException: None.get]</p><h2>In /app/app/controllers/StudentController.scala:42</h2><div><pre><span class="line">42</span><span class="code">    val student = repo.find(id).get</span></pre></div></body></html>
            """,
            LeakKinds.FilePath | LeakKinds.ExceptionType);
    }
}
