using System.Text;

namespace Bench.Soak;

/// <summary>The legacy upstream's bodies. Each leaky one carries markers that <see cref="LeakCheck"/> looks for.</summary>
internal static class UpstreamBodies
{
    public static byte[] Ok { get; } = Utf8("""
        {"id":42,"firstName":"Ada","lastSurname":"Lovelace","grade":"Ninth grade","school":{"id":7,"name":"North High"},"enrolled":true,"tags":["a","b","c"],"note":"A student record with nothing secret in it, padded a little to three hundred bytes."}
        """);

    public static byte[] Ok64K { get; } = Utf8("[" + string.Join(",", Enumerable.Range(0, 64 * 1024 / 120).Select(i =>
        $$"""{"id":{{i}},"firstName":"Student{{i}}","lastSurname":"Surname","grade":"Ninth grade","enrolled":true}""")) + "]");

    public static byte[] YellowScreen { get; } = Utf8("""
        <!DOCTYPE html>
        <html><head><title>Object reference not set to an instance of an object.</title></head>
        <body bgcolor="white"><span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>
        <h2> <i>Object reference not set to an instance of an object.</i> </h2></span>
        <b> Description: </b>An unhandled exception occurred during the execution of the current web request.<br><br>
        <b> Exception Details: </b>System.NullReferenceException: Object reference not set to an instance of an object.<br><br>
        <b>Source File: </b> C:\src\StudentApi\Controllers\StudentsController.cs<b> &nbsp;&nbsp; Line: </b> 42<br><br>
        <b>Stack Trace:</b> <br><br><table width=100% bgcolor="#ffffcc"><tr><td><code><pre>
        [NullReferenceException: Object reference not set to an instance of an object.]
           StudentApi.Controllers.StudentsController.Get(Int32 id) in C:\src\StudentApi\Controllers\StudentsController.cs:42
           lambda_method(Closure , ControllerBase , Object[] ) +101
           System.Web.Http.Controllers.ReflectedHttpActionDescriptor.ExecuteAsync(HttpControllerContext controllerContext) +229
        </pre></code></td></tr></table><br>
        <b>Version Information:</b>&nbsp;Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4330.0
        </body></html>
        """);

    public static byte[] SqlError { get; } = Utf8("""
        System.Data.SqlClient.SqlException (0x80131904): Invalid object name 'dbo.StudentSchoolAssociation'.
           at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection)
           at StudentApi.Data.StudentRepository.Find(Int32 id) in /srv/student-api/Data/StudentRepository.cs:line 88
        ClientConnectionId:6d2c1a3e-0b7c-4c55-9a51-6f0e9b4f2d11
        Error Number:208,State:1,Class:16
        """);

    public static byte[] Integrity { get; } = Utf8("""
        {"message":"Violation of PRIMARY KEY constraint 'PK_Student'. Cannot insert duplicate key in object 'dbo.Student'. The duplicate key value is (604822).","exceptionType":"System.Data.SqlClient.SqlException"}
        """);

    public static byte[] SoapFault { get; } = Utf8("""
        <?xml version="1.0" encoding="UTF-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
        <faultcode>soap:Server</faultcode>
        <faultstring>java.lang.IllegalStateException: roster cache not initialised</faultstring>
        <detail><stack>	at com.acme.sis.roster.RosterService.load(RosterService.java:131)
        	at com.acme.sis.roster.RosterEndpoint.get(RosterEndpoint.java:57)
        	at org.apache.cxf.service.invoker.AbstractInvoker.invoke(AbstractInvoker.java:180)</stack>
        <host>sis-app-03.corp.internal</host></detail>
        </soap:Fault></soap:Body></soap:Envelope>
        """);

    public static byte[] NotFound { get; } = Utf8("""{"message":"Student 42 was not found."}""");

    public static byte[] LeakyBadRequest { get; } = Utf8("""
        {"message":"Traceback (most recent call last):\n  File \"/srv/sis/views.py\", line 12, in get_student\nValueError: bad id","config":"Server=db-internal.corp;Database=sis;User Id=sa;Password=hunter2;"}
        """);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
