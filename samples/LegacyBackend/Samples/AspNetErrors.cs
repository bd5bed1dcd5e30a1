namespace LegacyBackend.Samples;

/// <summary>The yellow screens this StudentApi "produces": a null reference, a bad JSON body and a SQL timeout.</summary>
internal static class AspNetErrors
{
    // The MVC 5 part of every stack: identical below the controller frame.
    private const string MvcPipeline = """
           at lambda_method(Closure , ControllerBase , Object[] )
           at System.Web.Mvc.ActionMethodDispatcher.Execute(ControllerBase controller, Object[] parameters)
           at System.Web.Mvc.ReflectedActionDescriptor.Execute(ControllerContext controllerContext, IDictionary`2 parameters)
           at System.Web.Mvc.ControllerActionInvoker.InvokeActionMethod(ControllerContext controllerContext, ActionDescriptor actionDescriptor, IDictionary`2 parameters)
           at System.Web.Mvc.Async.AsyncControllerActionInvoker.<>c.<BeginInvokeSynchronousActionMethod>b__9_0(IAsyncResult asyncResult, ActionInvocation innerInvokeState)
           at System.Web.Mvc.Async.AsyncResultWrapper.WrappedAsyncResult`2.CallEndDelegate(IAsyncResult asyncResult)
           at System.Web.Mvc.Async.AsyncControllerActionInvoker.EndInvokeActionMethod(IAsyncResult asyncResult)
           at System.Web.Mvc.Controller.<>c.<BeginExecuteCore>b__152_1(IAsyncResult asyncResult, ExecuteCoreState innerState)
           at System.Web.Mvc.MvcHandler.EndProcessRequest(IAsyncResult asyncResult)
           at System.Web.HttpApplication.CallHandlerExecutionStep.System.Web.HttpApplication.IExecutionStep.Execute()
           at System.Web.HttpApplication.ExecuteStepImpl(IExecutionStep step)
           at System.Web.HttpApplication.ExecuteStep(IExecutionStep step, Boolean& completedSynchronously)
        """;

    public static readonly string NullReference = YellowScreen.Render(new YellowScreenError(
        "System.NullReferenceException",
        "Object reference not set to an instance of an object.",
        $"""
           at StudentApi.Controllers.StudentsController.Get(Int32 id) in C:\src\StudentApi\Controllers\StudentsController.cs:line 42
        {MvcPipeline}
        """,
        new SourceExcerpt(
            @"C:\src\StudentApi\Controllers\StudentsController.cs",
            FirstLine: 38,
            ErrorLine: 42,
            """
                    {
                        var student = _db.Students.Find(id);
                        // Enrollments are lazy-loaded from SQL-PROD-02, see SIS-1187
                        var current = student.Enrollments.FirstOrDefault(e => e.Year == DateTime.Now.Year);
                        return Json(new { student.Id, student.LastName, current.ClassName }, JsonRequestBehavior.AllowGet);
                    }
            """)));

    public static readonly string SqlTimeout = YellowScreen.Render(new YellowScreenError(
        "System.Data.SqlClient.SqlException",
        "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
        $"""
           at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
           at System.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)
           at System.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)
           at System.Data.SqlClient.SqlDataReader.TryConsumeMetaData()
           at System.Data.SqlClient.SqlCommand.RunExecuteReaderTds(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, Boolean async, Int32 timeout, Task& task, Boolean asyncWrite, SqlDataReader ds)
           at System.Data.SqlClient.SqlCommand.ExecuteReader(CommandBehavior behavior, String method)
           at StudentApi.Data.ReportRepository.GradeDistribution(Int32 year) in C:\src\StudentApi\Data\ReportRepository.cs:line 34
           at StudentApi.Controllers.ReportsController.Grades(Int32 year) in C:\src\StudentApi\Controllers\ReportsController.cs:line 19
        {MvcPipeline}
        """,
        new SourceExcerpt(
            @"C:\src\StudentApi\Data\ReportRepository.cs",
            FirstLine: 30,
            ErrorLine: 34,
            """
                    {
                        using (var cmd = new SqlCommand(
                            "SELECT s.Grade, COUNT(*) FROM dbo.Student s JOIN dbo.Enrollment e ON e.StudentId = s.Id " +
                            "WHERE YEAR(e.EnrolledOn) = @year GROUP BY s.Grade", _connection))
                        using (var reader = cmd.ExecuteReader())
                        {
            """)));

    /// <summary>What Newtonsoft.Json would have said about the body System.Text.Json just rejected.</summary>
    public static string InvalidJson(long? lineNumber, long? bytePositionInLine, string? path)
    {
        var jsonPath = path is null or "$" ? string.Empty : path.TrimStart('$').TrimStart('.');
        var message = $"Unexpected character encountered while parsing value. Path '{jsonPath}', line {(lineNumber ?? 0) + 1}, position {(bytePositionInLine ?? 0) + 1}.";

        return YellowScreen.Render(new YellowScreenError(
            "Newtonsoft.Json.JsonReaderException",
            message,
            $"""
               at Newtonsoft.Json.JsonTextReader.ParseValue()
               at Newtonsoft.Json.JsonReader.ReadForType(JsonContract contract, Boolean hasConverter)
               at Newtonsoft.Json.Serialization.JsonSerializerInternalReader.Deserialize(JsonReader reader, Type objectType, Boolean checkAdditionalContent)
               at Newtonsoft.Json.JsonSerializer.DeserializeInternal(JsonReader reader, Type objectType)
               at Newtonsoft.Json.JsonConvert.DeserializeObject(String value, Type type, JsonSerializerSettings settings)
               at Newtonsoft.Json.JsonConvert.DeserializeObject[T](String value, JsonSerializerSettings settings)
               at StudentApi.Infrastructure.JsonBody.Read[T](HttpRequestBase request) in C:\src\StudentApi\Infrastructure\JsonBody.cs:line 23
               at StudentApi.Controllers.StudentsController.Create() in C:\src\StudentApi\Controllers\StudentsController.cs:line 61
            {MvcPipeline}
            """,
            new SourceExcerpt(
                @"C:\src\StudentApi\Infrastructure\JsonBody.cs",
                FirstLine: 20,
                ErrorLine: 23,
                """
                            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
                            {
                                var json = reader.ReadToEnd();
                                return JsonConvert.DeserializeObject<T>(json, Settings);
                            }
                """)));
    }
}
