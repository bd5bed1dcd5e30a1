using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>4xx answers of less common backends (Phoenix, Ktor, Catalyst, Mojolicious, OpenResty, Lucee, graphql-java,
/// Thymeleaf, Google Cloud clients), with the leak where each puts its message.</summary>
public static class PolyglotCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        // Phoenix's error view: an errors object whose only member is the detail.
        yield return Both("polyglot/phoenix-erlang-badmatch", 400, "application/json",
            """{"errors":{"detail":"{{badmatch,{error,timeout}},[{roster_srv,fetch,2,[]}]}"}}""",
            LeakKinds.StackTrace, 400, Generic.BadRequest);

        yield return Both("polyglot/ktor-kotlinx-serial-name", 400, "text/plain; charset=UTF-8",
            "Illegal input: Field 'grade' is required for type with serial name 'sis.model.Student', but it was missing at path: $",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("polyglot/spring-helpful-npe", 400, "application/json",
            """{"timestamp":"2024-05-01T10:00:00.000+00:00","status":400,"error":"Bad Request","message":"Cannot invoke \"sis.model.Student.getGrade()\" because \"student\" is null","path":"/api/students/42/grade"}""",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("polyglot/aspnetcore-di-problem", 400, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad Request","status":400,"detail":"Unable to resolve service for type 'Sis.Data.IGradeRepository' while attempting to activate 'Sis.Controllers.GradesController'.","traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}""",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("polyglot/graphql-java-fetch", 400, "application/json",
            """{"errors":[{"message":"Exception while fetching data (/student/grade) : Cannot invoke \"sis.model.Grade.getValue()\" because the return value of \"sis.model.Student.getGrade()\" is null","locations":[{"line":1,"column":12}],"path":["student","grade"]}],"data":null}""",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("polyglot/openresty-lua-compare", 400, "text/plain",
            "app/models/roster.lua:12: attempt to compare number with nil\n",
            LeakKinds.StackTrace, 400, Generic.BadRequest);

        yield return Both("polyglot/catalyst-perl-undefined", 400, "text/html; charset=utf-8",
            """<html><head><title>Error</title></head><body><h1>Bad Request</h1><p>Can't call method "id" on an undefined value at script/sis_api line 45.</p></body></html>""",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("polyglot/mojolicious-dev-404", 404, "text/html;charset=UTF-8",
            """
            <!DOCTYPE html>
            <html>
              <head><title>Page not found (development mode)</title></head>
              <body>
                <h1>Page not found... yet!</h1>
                <p>None of these routes could generate a response for your GET request for /api/studens, maybe you need to add a new one?</p>
              </body>
            </html>
            """,
            LeakKinds.DebugPage, 404, Generic.NotFound);

        yield return Both("polyglot/lucee-soap-fault", 400, "text/xml; charset=utf-8",
            """<?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server.userException</faultcode><faultstring>key [GRADE] doesn't exist</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>""",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("polyglot/node-elasticsearch-parsing", 400, "application/json; charset=utf-8",
            """{"message":"[parsing_exception] unknown query [mtch], with { line=1 & col=23 }"}""",
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return new("polyglot/thymeleaf-template-422", 422, "text/html;charset=UTF-8",
            """<!DOCTYPE html><html><head><title>Error</title></head><body><h1>An error happened during template parsing (template: "class path resource [templates/roster.html]")</h1></body></html>""")
        {
            Leaks = LeakKinds.StackTrace,
            EdFi = new(400, Generic.Unprocessable),
            ProblemDetails = new(422, Generic.Unprocessable),
        };

        yield return Both("polyglot/gcp-secret-not-found", 404, "application/json",
            """{"error":{"code":404,"message":"Secret [projects/481516234200/secrets/sis-db-password] not found or has no versions.","status":"NOT_FOUND"}}""",
            LeakKinds.InternalHost, 404, Generic.NotFound);

        yield return Both("polyglot/env-dump-text", 400, "text/plain",
            "Missing configuration: SIS_DB_PASSWORD (SIS_DB_USER=sis_app, SIS_DB_HOST=pg-primary)\n",
            LeakKinds.ConnectionString, 400, Generic.BadRequest);

        // Clean messages in the same places stay.
        yield return Both("polyglot/vapor-clean-reason", 400, "application/json; charset=utf-8",
            """{"error":true,"reason":"Grade must be between 1 and 12 (you sent 13)."}""",
            LeakKinds.None, 400, "Grade must be between 1 and 12 (you sent 13).");

        yield return Both("polyglot/clean-thread-locked", 409, "application/json",
            """{"message":"Thread \"Homework help: fractions\" is locked by a moderator."}""",
            LeakKinds.None, 409, "Thread \"Homework help: fractions\" is locked by a moderator.");

        yield return Both("polyglot/clean-template-name", 400, "text/plain; charset=utf-8",
            "Could not send the reminder (template: \"Welcome back\").\n",
            LeakKinds.None, 400, "Could not send the reminder (template: \"Welcome back\").");
    }
}
