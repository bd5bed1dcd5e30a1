namespace Bench.Upstream;

/// <summary>An ASP.NET "yellow screen of death": HTML 500 with an exception type, a stack trace and file paths.</summary>
internal static class YellowScreen
{
    public const string Html = """
        <!DOCTYPE html>
        <html>
            <head>
                <title>Object reference not set to an instance of an object.</title>
                <style>
                 body {font-family:"Verdana";font-weight:normal;font-size: .7em;color:black;}
                 p {font-family:"Verdana";font-weight:normal;color:black;margin-top: -5px}
                 pre {font-family:"Consolas","Lucida Console",Monospace;font-size:11pt;margin:0;padding:0.5em;line-height:14pt}
                </style>
            </head>
            <body bgcolor="white">
                <span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>
                <h2> <i>Object reference not set to an instance of an object.</i> </h2></span>
                <b> Description: </b>An unhandled exception occurred during the execution of the current web request.
                <br><br>
                <b> Exception Details: </b>System.NullReferenceException: Object reference not set to an instance of an object.<br><br>
                <b>Source File: </b> C:\src\StudentApi\Controllers\StudentsController.cs<b> &nbsp;&nbsp; Line: </b> 42
                <br><br>
                <b>Stack Trace:</b> <br><br>
                <table width=100% bgcolor="#ffffcc"><tr><td><code><pre>
        [NullReferenceException: Object reference not set to an instance of an object.]
           StudentApi.Controllers.StudentsController.Get(Int32 id) in C:\src\StudentApi\Controllers\StudentsController.cs:42
           lambda_method(Closure , ControllerBase , Object[] ) +101
           System.Web.Http.Controllers.ReflectedHttpActionDescriptor.ExecuteAsync(HttpControllerContext controllerContext, IDictionary`2 arguments, CancellationToken cancellationToken) +229
           System.Web.Http.Controllers.ApiControllerActionInvoker.&lt;InvokeActionAsyncCore&gt;d__1.MoveNext() +174
           System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task) +102
           System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task) +64
           System.Web.Http.Filters.ActionFilterAttribute.&lt;CallOnActionExecutedAsync&gt;d__6.MoveNext() +127
           System.Web.Http.Dispatcher.HttpControllerDispatcher.&lt;SendAsync&gt;d__15.MoveNext() +1021
           System.Web.HttpApplication.CallHandlerExecutionStep.System.Web.HttpApplication.IExecutionStep.Execute() +136
           System.Web.HttpApplication.ExecuteStepImpl(IExecutionStep step) +195
           System.Web.HttpApplication.ExecuteStep(IExecutionStep step, Boolean&amp; completedSynchronously) +88
        </pre></code></td></tr></table>
                <br>
                <hr width=100% size=1 color=silver>
                <b>Version Information:</b>&nbsp;Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4494.0
            </body>
        </html>
        """;
}
