using System.Text;
using LegacyBackend.Samples;

namespace LegacyBackend.Endpoints;

/// <summary>An ASMX web service: every call faults, ?wsdl describes it.</summary>
internal static class SoapEndpoints
{
    public static WebApplication MapSoapEndpoints(this WebApplication app)
    {
        app.MapPost("/soap/StudentService", () =>
            Results.Text(SoapSamples.Fault, ContentTypes.Xml, Encoding.UTF8, StatusCodes.Status500InternalServerError));

        // This one answers its faults with 200, as some SOAP stacks do.
        app.MapPost("/soap/EnrollmentService", () =>
            Results.Text(SoapSamples.ClientFaultWith200, ContentTypes.Xml, Encoding.UTF8, StatusCodes.Status200OK));

        app.MapGet("/soap/StudentService", (HttpRequest request) =>
            request.Query.Keys.Any(key => string.Equals(key, "wsdl", StringComparison.OrdinalIgnoreCase))
                ? Results.Text(SoapSamples.Wsdl, ContentTypes.Xml, Encoding.UTF8)
                : Results.Text(SoapSamples.HelpPage, ContentTypes.Html, Encoding.UTF8));

        return app;
    }
}
