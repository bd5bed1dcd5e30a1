using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Clean JSON error shapes of assorted APIs (OAuth, OData, Google, JSON:API …) and leaks inside them.</summary>
public static class JsonApiCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return Both("json/microsoft-rest-error-details", 400, "application/json",
            """{"error":{"code":"BadArgument","message":"One or more errors occurred.","target":"student","details":[{"code":"Required","target":"lastName","message":"Last name is required."},{"code":"Range","target":"grade","message":"Grade must be between 1 and 12."}]}}""",
            LeakKinds.None, 400, "lastName: Last name is required.; grade: Grade must be between 1 and 12.");

        yield return Both("json/odata-v4-error-empty-details", 404, "application/json; odata.metadata=minimal",
            """{"error":{"code":"NotFound","message":"Student 12 was not found.","details":[]}}""",
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("json/oauth-401-error-description", 401, "application/json;charset=UTF-8",
            """{"error":"invalid_token","error_description":"The access token expired"}""",
            LeakKinds.None, 401, "The access token expired");

        yield return Both("json/apigee-401-fault", 401, "application/json",
            """{"fault":{"faultstring":"Invalid ApiKey","detail":{"errorcode":"oauth.v2.InvalidApiKey"}}}""",
            LeakKinds.None, 401, "Invalid ApiKey");

        yield return Both("json/400-error-code-and-description", 400, "application/json",
            """{"ErrorCode":12,"ErrorDescription":"Grade must be between 1 and 12."}""",
            LeakKinds.None, 400, "Grade must be between 1 and 12.");

        yield return Both("json/oauth-400-invalid-grant-no-description", 400, "application/json",
            """{"error":"invalid_grant"}""",
            LeakKinds.None, 400, "invalid_grant");

        yield return Both("json/odata-404-error-object", 404, "application/json; odata.metadata=minimal",
            """{"error":{"code":"ResourceNotFound","message":"Student '12' does not exist.","target":"Students"}}""",
            LeakKinds.None, 404, "Student '12' does not exist.");

        yield return Both("json/odata-v2-sap-400-localized-message", 400, "application/json",
            """{"error":{"code":"ZSIS/012","message":{"lang":"en","value":"Student 12 has no enrollment in section 3."},"innererror":{"application":{"component_id":"","service_namespace":"/SAP/","service_id":"ZSIS_SRV","service_version":"0001"},"transactionid":"5E4A3C2B1A0F4D8E9C7B6A5F4E3D2C1B","errordetails":[]}}}""",
            LeakKinds.None, 400, "Student 12 has no enrollment in section 3.");

        yield return Both("json/odata-v3-light-400-localized-message", 400, "application/json;odata=minimalmetadata",
            """{"odata.error":{"code":"","message":{"lang":"en-US","value":"The query parameter '$top' must be a positive integer."}}}""",
            LeakKinds.None, 400, "The query parameter '$top' must be a positive integer.");

        // SharePoint names the exception in "code": a leak in the body, but the message itself is clean and kept.
        yield return Both("json/sharepoint-403-exception-in-code", 403, "application/json;odata=verbose",
            """{"error":{"code":"-2147024891, System.UnauthorizedAccessException","message":{"lang":"en-US","value":"Access denied. You do not have permission to perform this action or access this resource."}}}""",
            LeakKinds.ExceptionType, 403, "Access denied. You do not have permission to perform this action or access this resource.");

        yield return ServerError("json/odata-v3-500-innererror-sql", 500, "application/json",
            """{"odata.error":{"code":"","message":{"lang":"en-US","value":"An error occurred while processing this request."},"innererror":{"message":"Invalid object name 'dbo.Students'.","type":"System.Data.SqlClient.SqlException","stacktrace":"   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception)"}}}""",
            LeakKinds.StackTrace | LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return Both("json/java-400-errorMsg", 400, "application/json;charset=UTF-8",
            """{"success":false,"errorCode":"E1002","errorMsg":"Section 3 is full.","data":null}""",
            LeakKinds.None, 400, "Section 3 is full.");

        yield return Both("json/wechat-style-400-errmsg", 400, "application/json",
            """{"errcode":40013,"errmsg":"The school year must be between 2000 and 2100."}""",
            LeakKinds.None, 400, "The school year must be between 2000 and 2100.");

        yield return Both("json/jsend-400-fail-data", 400, "application/json",
            """{"status":"fail","data":{"title":"A title is required","email":"A valid email is required"}}""",
            LeakKinds.None, 400, "title: A title is required; email: A valid email is required");

        // "data" means field errors only after "status":"fail"; a 4xx saying "success" has no message there.
        yield return Both("json/jsend-400-success-data-is-no-message", 400, "application/json",
            """{"status":"success","data":{"title":"Roster 3"}}""",
            LeakKinds.None, 400, "The request is not valid.");

        yield return Both("json/google-403-error-object", 403, "application/json; charset=UTF-8",
            """{"error":{"code":403,"message":"The caller does not have permission to modify section 3.","status":"PERMISSION_DENIED"}}""",
            LeakKinds.None, 403, "The caller does not have permission to modify section 3.");

        yield return new("json/jsonapi-422-source-pointer", 422, "application/vnd.api+json",
            """{"errors":[{"status":"422","source":{"pointer":"/data/attributes/lastName"},"title":"Invalid Attribute","detail":"Last name must contain at least one letter."}]}""")
        {
            EdFi = new(400, "lastName: Last name must contain at least one letter."),
            ProblemDetails = new(422, "lastName: Last name must contain at least one letter."),
        };

        yield return Both("json/errors-array-of-strings", 400, "application/json",
            """{"success":false,"errors":["School year is required.","Session name is required."]}""",
            LeakKinds.None, 400, "School year is required.; Session name is required.");

        yield return Both("json/412-etag", 412, "application/json",
            """{"message":"The resource was modified by another request (ETag mismatch)."}""",
            LeakKinds.None, 412, "The resource was modified by another request (ETag mismatch).");

        yield return Both("json/429-rate-limit", 429, "application/json",
            """{"message":"Rate limit exceeded. Try again in 30 seconds."}""",
            LeakKinds.None, 429, "Rate limit exceeded. Try again in 30 seconds.");

        yield return Both("json/410-gone-maps-to-404", 410, "application/json",
            """{"message":"Student 12 was withdrawn and archived."}""",
            LeakKinds.None, 404, "Student 12 was withdrawn and archived.");

        yield return Both("json/415-text", 415, "text/plain",
            "Content type 'text/csv' is not supported.",
            LeakKinds.None, 400, "Content type 'text/csv' is not supported.");

        yield return Both("json/404-message-with-stack-field", 404, "application/json",
            """{"message":"Student 12 was not found.","stack":"NotFoundError: Student 12 was not found.\n    at StudentService.get (/app/dist/students/service.js:31:13)"}""",
            LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType, 404, "Student 12 was not found.");

        yield return Both("json/400-message-leaks-path", 400, "application/json",
            """{"message":"Could not read /etc/sis/grading-scales/255901.yml"}""",
            LeakKinds.FilePath, 400, Generic.BadRequest);

        yield return Both("json/403-message-leaks-host", 403, "application/json",
            """{"message":"Token issuer https://idp.corp does not match auth.sis.internal"}""",
            LeakKinds.InternalHost, 403, Generic.Forbidden);

        yield return Both("json/html-inside-message", 400, "application/json",
            """{"message":"<b>Grade</b> must be between 1 and 12."}""",
            LeakKinds.None, 400, "<b>Grade</b> must be between 1 and 12.");

        yield return Both("json/unicode-escaped-sql", 400, "application/json",
            """{"message":"Invalid column name \u0027LastSurnme\u0027."}""",
            LeakKinds.SqlError, 400, Generic.BadRequest);

        yield return Both("json/legacy-success-false-400", 400, "application/json",
            """{"success":false,"msg":"Section 3 is closed for enrollment."}""",
            LeakKinds.None, 400, "Section 3 is closed for enrollment.");

        yield return Both("json/top-level-string", 404, "application/json",
            "\"Student 12 was not found.\"",
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("json/long-message-truncated-at-word", 400, "application/json",
            """{"message":"The enrollment could not be saved because the student already has an overlapping enrollment in the same school for the same school year, the section is not offered in the selected session, the course requires a prerequisite that the student has not completed, and the program participation record that the enrollment depends on has already ended before the requested entry date of the enrollment."}""",
            LeakKinds.None, 400,
            "The enrollment could not be saved because the student already has an overlapping enrollment in the same school for the same school year, the section is not offered in the selected session, the course requires a prerequisite that the student has not completed, and the program participation record…");

        // Phoenix's default JSON error view: an "errors" object holding only "detail" is the message, not a field.
        yield return Both("json/phoenix-404-default-view", 404, "application/json; charset=utf-8",
            """{"errors":{"detail":"Not Found"}}""",
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("json/phoenix-404-detail", 404, "application/json; charset=utf-8",
            """{"errors":{"detail":"Student 12 was not found."}}""",
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return new("json/phoenix-422-changeset-errors", 422, "application/json; charset=utf-8",
            """{"errors":{"name":["can't be blank"],"grade":["must be less than or equal to 12"]}}""")
        {
            EdFi = new(400, "name: can't be blank; grade: must be less than or equal to 12"),
            ProblemDetails = new(422, "name: can't be blank; grade: must be less than or equal to 12"),
        };

        // Micronaut's HAL error: the top-level message is the reason phrase; the detail is in "_embedded.errors".
        yield return Both("json/micronaut-400-conversion-error", 400, "application/json",
            """{"message":"Bad Request","_links":{"self":{"href":"/students","templated":false}},"_embedded":{"errors":[{"message":"Failed to convert argument [grade] for value [abc] due to: For input string: \"abc\"","path":"/grade"}]}}""",
            LeakKinds.ExceptionType, 400, Generic.BadRequest); // Java's NumberFormatException text, as .NET's "Input string was not …" is

        yield return Both("json/micronaut-400-validation", 400, "application/json",
            """{"message":"Bad Request","_links":{"self":{"href":"/students","templated":false}},"_embedded":{"errors":[{"message":"Grade must be between 1 and 12.","path":"/grade"}]}}""",
            LeakKinds.None, 400, "grade: Grade must be between 1 and 12.");

        // Micronaut's stock 404 text is shown as Go's "page not found" is (go/net-http-404-text).
        yield return Both("json/micronaut-404-page-not-found", 404, "application/json",
            """{"message":"Not Found","_links":{"self":{"href":"/api/studentz","templated":false}},"_embedded":{"errors":[{"message":"Page Not Found"}]}}""",
            LeakKinds.None, 404, "Page Not Found");

        // Symfony / API Platform serialize a ConstraintViolationList with the field as "propertyPath".
        yield return new("json/symfony-violations-422", 422, "application/json",
            """{"type":"https://symfony.com/errors/validation","title":"Validation Failed","status":422,"detail":"grade: This value should be less than or equal to 12.","violations":[{"propertyPath":"grade","title":"This value should be less than or equal to 12.","template":"This value should be less than or equal to {{ compared_value }}.","parameters":{"{{ value }}":"13","{{ compared_value }}":"12"},"type":"urn:uuid:30fbb013-d015-4232-8b3b-8f3be97a7e14"}]}""")
        {
            EdFi = new(400, "grade: This value should be less than or equal to 12."),
            ProblemDetails = new(422, "grade: This value should be less than or equal to 12."),
        };

        yield return Both("json/kong-404-no-route", 404, "application/json; charset=utf-8",
            """{"message":"no Route matched with those values"}""",
            LeakKinds.None, 404, "no Route matched with those values");

        yield return Both("json/aws-api-gateway-403-missing-token", 403, "application/json",
            """{"message":"Missing Authentication Token"}""",
            LeakKinds.None, 403, "Missing Authentication Token");

        yield return Both("json/azure-apim-401-subscription-key", 401, "application/json",
            """{"statusCode":401,"message":"Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API."}""",
            LeakKinds.None, 401, "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.");

        // Ed-Fi ODS/API 7's own validation problem: "validationErrors" then an empty "errors"; a second list for a fact
        // already read used to be left unread, and the body was taken for no JSON (generic message, no pass-through).
        yield return new("json/edfi-api-7-validation-400", 400, "application/problem+json",
            """{"detail":"Data validation failed. See 'validationErrors' for details.","type":"urn:ed-fi:api:bad-request:data-validation-failed","title":"Data Validation Failed","status":400,"correlationId":"0b1e7c2a","validationErrors":{"$.studentUniqueId":["StudentUniqueId is required."]},"errors":[]}""")
        {
            EdFi = new(400, "studentUniqueId: StudentUniqueId is required."),
            ProblemDetails = new(400, "studentUniqueId: StudentUniqueId is required."),
        };

        yield return Both("json/message-then-object-under-another-message-key-400", 400, "application/json",
            """{"message":"Grade must be between 1 and 12.","msg":{"code":"E12","lang":"en"},"error":"invalid_grade","description":{"en":"x"}}""",
            LeakKinds.None, 400, "Grade must be between 1 and 12.");

        yield return Both("json/list-entry-with-a-key-twice-400", 400, "application/json",
            """{"errors":[{"field":"grade","message":"Grade must be between 1 and 12.","Field":["x","y"]},{"field":"lastName","message":"Last name is required."}]}""",
            LeakKinds.None, 400, "grade: Grade must be between 1 and 12.; lastName: Last name is required.");
    }
}
