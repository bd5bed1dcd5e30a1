using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Upstreams that already answer in a profile's standard shape, and near misses.</summary>
public static class ConformingCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return new("conforming/edfi-409", 409, "application/json",
            """{"code":409,"type":"Conflict","message":"The student is already enrolled in this section."}""")
        {
            EdFi = new(409, "The student is already enrolled in this section.", PassThrough: true),
            ProblemDetails = new(409, "The student is already enrolled in this section."),
        };

        yield return new("conforming/edfi-400-extra-fields", 400, "application/json; charset=utf-8",
            """{"code":400,"type":"Bad Request","message":"Grade must be between 1 and 12.","correlationId":"b4d1c0de-0000-4000-8000-000000000001"}""")
        {
            EdFi = new(400, "Grade must be between 1 and 12.", PassThrough: true),
            ProblemDetails = new(400, "Grade must be between 1 and 12."),
        };

        yield return new("conforming/edfi-404-but-404-has-no-body", 404, "application/json",
            """{"code":404,"type":"Not Found","message":"Student 12 was not found."}""")
        {
            EdFi = new(404, "Student 12 was not found."),
            ProblemDetails = new(404, "Student 12 was not found."),
        };

        yield return new("conforming/edfi-shape-but-leaky", 400, "application/json",
            """{"code":400,"type":"Bad Request","message":"Invalid column name 'LastSurnme'."}""")
        {
            Leaks = LeakKinds.SqlError,
            EdFi = new(400, Generic.BadRequest),
            ProblemDetails = new(400, Generic.BadRequest),
        };

        yield return new("conforming/edfi-code-mismatch", 422, "application/json",
            """{"code":422,"type":"Unprocessable Entity","message":"Grade must be between 1 and 12."}""")
        {
            EdFi = new(400, "Grade must be between 1 and 12."),
            ProblemDetails = new(422, "Grade must be between 1 and 12."),
        };

        yield return new("conforming/problem-409", 409, "application/problem+json",
            """{"type":"https://sis.example.org/problems/already-enrolled","title":"Already enrolled","status":409,"detail":"The student is already enrolled in this section.","instance":"/enrollments/77"}""")
        {
            EdFi = new(409, "The student is already enrolled in this section."),
            ProblemDetails = new(409, "The student is already enrolled in this section."),
        };

        yield return new("conforming/problem-as-text-plain", 409, "text/plain",
            """{"type":"about:blank","title":"Conflict","status":409,"detail":"The student is already enrolled in this section."}""")
        {
            EdFi = new(409, "The student is already enrolled in this section."),
            ProblemDetails = new(409, "The student is already enrolled in this section."),
        };

        yield return new("conforming/problem-503-hidden-by-default", 503, "application/problem+json",
            """{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Nightly roster sync is running."}""")
        {
            EdFi = new(500, Generic.Internal),
            ProblemDetails = new(503, Generic.Unavailable),
        };

        yield return new("conforming/problem-503-shown-when-allowed", 503, "application/problem+json",
            """{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Nightly roster sync is running."}""")
        {
            Settings = new NormalizerSettings { ShowUpstream5xxMessages = true },
            EdFi = new(500, "Nightly roster sync is running."),
            ProblemDetails = new(503, "Nightly roster sync is running.", PassThrough: true),
        };

        yield return new("conforming/problem-status-as-string", 409, "application/problem+json",
            """{"type":"about:blank","title":"Conflict","status":"409","detail":"The student is already enrolled in this section."}""")
        {
            EdFi = new(409, "The student is already enrolled in this section."),
            ProblemDetails = new(409, "The student is already enrolled in this section."),
        };

        yield return new("conforming/problem-405-not-in-profile", 405, "application/problem+json",
            """{"type":"about:blank","title":"Method Not Allowed","status":405,"detail":"Use PUT to replace a student."}""")
        {
            EdFi = new(400, "Use PUT to replace a student."),
            ProblemDetails = new(400, "Use PUT to replace a student."),
        };
    }
}
