using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Errors;

public sealed class ErrorProfileTests
{
    [Theory]
    [InlineData(404, 404)]
    [InlineData(410, 404)]
    [InlineData(405, 400)]
    [InlineData(418, 400)]
    [InlineData(422, 400)]
    [InlineData(428, 412)]
    [InlineData(423, 409)]
    [InlineData(499, 400)]
    [InlineData(501, 500)]
    [InlineData(502, 500)]
    [InlineData(503, 500)]
    [InlineData(504, 500)]
    [InlineData(599, 500)]
    [InlineData(202, 200)]
    [InlineData(206, 206)]
    [InlineData(301, 301)]
    [InlineData(304, 304)]
    [InlineData(429, 429)]
    public void Map_EdFi_MapsToNearestAllowed(int status, int expected) =>
        Assert.Equal(expected, ErrorProfile.EdFi.Map(status));

    [Theory]
    [InlineData(422, 422)]
    [InlineData(502, 502)]
    [InlineData(503, 503)]
    [InlineData(504, 504)]
    [InlineData(505, 500)]
    [InlineData(410, 404)]
    [InlineData(418, 400)]
    [InlineData(202, 202)]
    [InlineData(203, 200)]
    public void Map_ProblemDetails_MapsToNearestAllowed(int status, int expected) =>
        Assert.Equal(expected, ErrorProfile.ProblemDetails.Map(status));

    [Fact]
    public void Map_RouteOverride_WinsOverDefault() =>
        Assert.Equal(409, ErrorProfile.EdFi.Map(418, new Dictionary<int, int> { [418] = 409 }));

    [Theory]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(400, true)]
    [InlineData(500, true)]
    public void CarriesBody_EdFi_NoneFor401And404(int status, bool expected) =>
        Assert.Equal(expected, ErrorProfile.EdFi.CarriesBody(status));

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    public void CarriesBody_ProblemDetails_Always(int status) =>
        Assert.True(ErrorProfile.ProblemDetails.CarriesBody(status));

    [Fact]
    public void Map_EveryStatus_LandsInTheAllowedSet()
    {
        foreach (var profile in new[] { ErrorProfile.EdFi, ErrorProfile.ProblemDetails })
        {
            for (var status = 100; status <= 599; status++)
            {
                Assert.True(profile.Allows(profile.Map(status)), $"{profile.Kind} maps {status} outside its set");
            }
        }
    }
}
