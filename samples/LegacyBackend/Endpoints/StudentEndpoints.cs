using System.Text;
using LegacyBackend.Hosting;
using LegacyBackend.Samples;
using LegacyBackend.Students;

namespace LegacyBackend.Endpoints;

/// <summary>The "working" CRUD API, with its legacy quirks: 200 on create, HTML 404s, yellow screens on bad JSON.</summary>
internal static class StudentEndpoints
{
    public static WebApplication MapStudentEndpoints(this WebApplication app)
    {
        app.MapGet("/api/students", (StudentStore store) => Results.Json(store.All()));

        app.MapGet("/api/students/{id:int}", (int id, HttpRequest request, StudentStore store) =>
            store.Find(id) is { } student ? Results.Json(student) : NotFound(request));

        app.MapPost("/api/students", async (HttpRequest request, StudentStore store) =>
        {
            var body = await StudentBody.ReadAsync(request);
            if (body.Input is null)
            {
                return BadBody(body);
            }

            var student = store.Add(body.Input);
            // 200 rather than 201, and a Location pointing at the backend itself: both for the gateway to fix.
            request.HttpContext.Response.Headers.Location = $"{InternalAddress.Of(request)}/api/students/{student.Id}";
            return Results.Json(student);
        });

        app.MapPut("/api/students/{id:int}", async (int id, HttpRequest request, StudentStore store) =>
        {
            // Like MVC model binding, the body is read before the action looks the student up.
            var body = await StudentBody.ReadAsync(request);
            if (body.Input is null)
            {
                return BadBody(body);
            }

            return store.Update(id, body.Input) is { } student ? Results.Json(student) : NotFound(request);
        });

        app.MapDelete("/api/students/{id:int}", (int id, HttpRequest request, StudentStore store) =>
            store.Remove(id) is { } student ? Results.Json(student) : NotFound(request));

        return app;
    }

    private static IResult NotFound(HttpRequest request) =>
        Results.Text(IisNotFoundPage.Render(request.Path), ContentTypes.Html, Encoding.UTF8, StatusCodes.Status404NotFound);

    private static IResult BadBody(StudentBody body)
    {
        // A body of literally "null" parses fine and then blows up in the controller, as it did in the original.
        var page = body.Error is { } error
            ? AspNetErrors.InvalidJson(error.LineNumber, error.BytePositionInLine, error.Path)
            : AspNetErrors.NullReference;
        return Results.Text(page, ContentTypes.Html, Encoding.UTF8, StatusCodes.Status500InternalServerError);
    }
}
