using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Rails, Sinatra, Go net/http, gin, lib/pq and grpc-gateway answers.</summary>
public static class RubyGoCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return ServerError("ruby/rails-debug-500", 500, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head><title>Action Controller: Exception caught</title></head>
            <body>
            <header><h1>ActiveRecord::StatementInvalid in StudentsController#show</h1></header>
            <div id="container">
              <h2>PG::UndefinedTable: ERROR:  relation &quot;students&quot; does not exist
            LINE 1: SELECT &quot;students&quot;.* FROM &quot;students&quot; WHERE &quot;students&quot;.&quot;id&quot; = $1 LIMIT $2</h2>
              <p><code>Rails.root: /app</code></p>
              <div id="Application-Trace"><pre><code>app/controllers/students_controller.rb:12:in `show'</code></pre></div>
            </div>
            </body>
            </html>
            """,
            LeakKinds.DebugPage | LeakKinds.SqlError | LeakKinds.ExceptionType | LeakKinds.StackTrace);

        yield return Both("ruby/rails-public-404", 404, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html>
            <head>
              <title>The page you were looking for doesn't exist (404)</title>
              <meta name="viewport" content="width=device-width,initial-scale=1">
            </head>
            <body>
              <div class="dialog">
                <div>
                  <h1>The page you were looking for doesn't exist.</h1>
                  <p>You may have mistyped the address or the page may have moved.</p>
                </div>
              </div>
            </body>
            </html>
            """,
            LeakKinds.None, 404, "The page you were looking for doesn't exist.");

        yield return new("ruby/rails-api-422", 422, "application/json; charset=utf-8",
            """{"errors":{"last_name":["can't be blank"],"grade":["must be less than or equal to 12"]}}""")
        {
            EdFi = new(400, "last_name: can't be blank; grade: must be less than or equal to 12"),
            ProblemDetails = new(422, "last_name: can't be blank; grade: must be less than or equal to 12"),
        };

        yield return ServerError("ruby/sinatra-nomethod-text", 500, "text/plain",
            """
            NoMethodError - undefined method `grade' for nil:NilClass:
            	/srv/sis/app.rb:42:in `block in <class:App>'
            	/usr/local/bundle/gems/sinatra-3.1.0/lib/sinatra/base.rb:1706:in `call'
            """,
            LeakKinds.ExceptionType | LeakKinds.StackTrace | LeakKinds.FilePath);

        yield return Both("ruby/rails-json-404-with-exception", 404, "application/json; charset=utf-8",
            """{"status":404,"error":"Not Found","exception":"#<ActiveRecord::RecordNotFound: Couldn't find Student with 'id'=12>","traces":{"Application Trace":[{"exception_object_id":2160,"id":1,"trace":"app/controllers/students_controller.rb:8:in `show'"}]}}""",
            LeakKinds.ExceptionType | LeakKinds.StackTrace, 404, Generic.NotFound);

        yield return ServerError("go/panic-nil-pointer", 500, "text/plain; charset=utf-8",
            """
            panic: runtime error: invalid memory address or nil pointer dereference
            [signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b2f4a]

            goroutine 34 [running]:
            github.com/acme/sis/internal/students.(*Handler).Get(0xc0001a2000, {0x7f1c20, 0xc0002a8000}, 0xc0002b4000)
            	/src/internal/students/handler.go:42 +0x1d
            net/http.HandlerFunc.ServeHTTP(0xc0001b6000?, {0x7f1c20?, 0xc0002a8000?}, 0x0?)
            	/usr/local/go/src/net/http/server.go:2136 +0x29
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return Both("go/net-http-404-text", 404, "text/plain; charset=utf-8",
            "404 page not found\n",
            LeakKinds.None, 404, "page not found");

        yield return Both("go/gin-400-validator", 400, "application/json; charset=utf-8",
            """{"error":"Key: 'EnrollmentRequest.Grade' Error:Field validation for 'Grade' failed on the 'lte' tag"}""",
            LeakKinds.None, 400, "Key: 'EnrollmentRequest.Grade' Error:Field validation for 'Grade' failed on the 'lte' tag");

        yield return Conflict("go/lib-pq-unique", 500, "application/json; charset=utf-8",
            """{"error":"pq: duplicate key value violates unique constraint \"students_email_key\""}""",
            LeakKinds.SqlError);

        yield return ServerError("go/grpc-gateway-503", 503, "application/json",
            """{"code":14,"message":"connection error: desc = \"transport: Error while dialing: dial tcp 10.0.3.17:50051: connect: connection refused\"","details":[]}""",
            LeakKinds.InternalHost);

        yield return ServerError("go/http-panic-serving-log", 502, "text/plain",
            "http: panic serving 10.0.7.12:51544: runtime error: index out of range [3] with length 3",
            LeakKinds.StackTrace | LeakKinds.InternalHost);
    }
}
