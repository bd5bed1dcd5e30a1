using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Express, NestJS, hapi, Sequelize, MongoDB and GraphQL answers.</summary>
public static class NodeCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return ServerError("node/express-dev-error-html", 500, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Error</title>
            </head>
            <body>
            <pre>TypeError: Cannot read properties of undefined (reading &#39;grade&#39;)<br> &nbsp; &nbsp;at /app/src/routes/students.js:42:31<br> &nbsp; &nbsp;at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)<br> &nbsp; &nbsp;at next (/app/node_modules/express/lib/router/route.js:144:13)</pre>
            </body>
            </html>
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return Both("node/express-404-cannot-get", 404, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Error</title>
            </head>
            <body>
            <pre>Cannot GET /api/studentz</pre>
            </body>
            </html>
            """,
            LeakKinds.None, 404, Generic.NotFound);

        yield return ServerError("node/json-error-with-stack", 500, "application/json; charset=utf-8",
            """{"error":{"message":"connect ECONNREFUSED 10.12.4.21:5432","stack":"Error: connect ECONNREFUSED 10.12.4.21:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)"}}""",
            LeakKinds.StackTrace | LeakKinds.InternalHost | LeakKinds.ExceptionType);

        yield return Both("node/nest-400-message-array", 400, "application/json; charset=utf-8",
            """{"statusCode":400,"message":["lastName should not be empty","grade must not be greater than 12"],"error":"Bad Request"}""",
            LeakKinds.None, 400, "lastName should not be empty; grade must not be greater than 12");

        yield return Both("node/nest-404", 404, "application/json; charset=utf-8",
            """{"statusCode":404,"message":"Student with id 12 not found","error":"Not Found"}""",
            LeakKinds.None, 404, "Student with id 12 not found");

        yield return ServerError("node/unhandled-enoent-text", 500, "text/plain; charset=utf-8",
            """
            Error: ENOENT: no such file or directory, open '/srv/sis/config/tenants.json'
                at Object.openSync (node:fs:603:3)
                at Object.readFileSync (node:fs:471:35)
                at loadTenants (/srv/sis/src/tenants.js:8:22)
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return Conflict("node/sequelize-fk-error", 500, "application/json; charset=utf-8",
            """{"name":"SequelizeForeignKeyConstraintError","parent":{"code":"23503","detail":"Key (school_id)=(255901) is not present in table \"schools\".","table":"students","constraint":"students_school_id_fkey","sql":"INSERT INTO \"students\" (\"id\",\"school_id\") VALUES (DEFAULT,$1) RETURNING *;"},"message":"insert or update on table \"students\" violates foreign key constraint \"students_school_id_fkey\""}""",
            LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return Both("node/hapi-boom-400", 400, "application/json; charset=utf-8",
            """{"statusCode":400,"error":"Bad Request","message":"\"grade\" must be less than or equal to 12","validation":{"source":"payload","keys":["grade"]}}""",
            LeakKinds.None, 400, "\"grade\" must be less than or equal to 12");

        yield return Conflict("node/mongo-e11000", 500, "application/json; charset=utf-8",
            """{"message":"E11000 duplicate key error collection: sis.students index: email_1 dup key: { email: \"ada@example.org\" }"}""",
            LeakKinds.SqlError);

        yield return Both("node/graphql-400-variables", 400, "application/json",
            """{"errors":[{"message":"Variable \"$id\" of required type \"ID!\" was not provided.","locations":[{"line":1,"column":17}],"extensions":{"code":"BAD_USER_INPUT"}}]}""",
            LeakKinds.None, 400, "Variable \"$id\" of required type \"ID!\" was not provided.");

        yield return ServerError("node/unhandled-rejection-json", 500, "application/json",
            """{"message":"Cannot read properties of null (reading 'sectionId')"}""",
            LeakKinds.ExceptionType);

        yield return Both("node/koa-401-text", 401, "text/plain; charset=utf-8",
            "Authentication Error",
            LeakKinds.None, 401, "Authentication Error");
    }
}
