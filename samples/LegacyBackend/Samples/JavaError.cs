namespace LegacyBackend.Samples;

/// <summary>A Spring Boot service behind the IIS box that dumps its stack trace as text/plain.</summary>
internal static class JavaError
{
    // Frame lines start with a real tab, exactly as Throwable.printStackTrace writes them.
    public const string Body = """
        java.lang.IllegalStateException: Could not load student 7 from jdbc:postgresql://pg-students-01.school.internal:5432/school
        	at com.acme.students.StudentService.load(StudentService.java:88)
        	at com.acme.students.StudentController.getStudent(StudentController.java:41)
        	at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
        	at java.base/java.lang.reflect.Method.invoke(Method.java:580)
        	at org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)
        	at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:917)
        	at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
        	at org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)
        	at jakarta.servlet.http.HttpServlet.service(HttpServlet.java:564)
        	at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:138)
        	at org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:165)
        	at org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:397)
        	at org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)
        	at java.base/java.lang.Thread.run(Thread.java:1583)
        Caused by: org.postgresql.util.PSQLException: ERROR: relation "students" does not exist
          Position: 52
        	at org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)
        	at org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2412)
        	at org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)
        	at org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:137)
        	at com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)
        	at org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:733)
        	at com.acme.students.StudentRepository.findById(StudentRepository.java:34)
        	at com.acme.students.StudentService.load(StudentService.java:85)
        	... 12 more

        """;
}
