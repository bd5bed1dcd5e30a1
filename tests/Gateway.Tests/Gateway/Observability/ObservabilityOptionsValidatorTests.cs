using Gateway.Configuration;
using Gateway.Observability;

namespace Gateway.Tests.Gateway.Observability;

public sealed class ObservabilityOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid_AdminOffAndLoopback()
    {
        var problems = Validate(new ObservabilityOptions(), new AdminOptions());

        Assert.Empty(problems);
        Assert.False(new AdminOptions().Enabled);
        Assert.Equal("127.0.0.1", new Uri(new AdminOptions().Urls).Host);
        Assert.Null(new ObservabilityOptions().OtlpEndpoint);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9091")]
    [InlineData("http://localhost:9091;http://[::1]:9091")]
    [InlineData("http://*:9091")]
    [InlineData("http://+:9091")]
    [InlineData("http://0.0.0.0:9091")]
    public void AdminUrls_Valid(string urls) => Assert.Empty(Validate(new ObservabilityOptions(), new AdminOptions { Urls = urls }));

    [Theory]
    [InlineData("")]
    [InlineData("9091")]
    [InlineData("https://127.0.0.1:9091")]
    [InlineData("ftp://127.0.0.1:9091")]
    [InlineData("http://u:p@127.0.0.1:9091")]
    public void AdminUrls_Invalid_ReportedAtPath(string urls)
    {
        var problem = Assert.Single(Validate(new ObservabilityOptions(), new AdminOptions { Urls = urls }));
        Assert.Equal("Gateway:Admin:Urls", problem.Path);
    }

    [Theory]
    [InlineData(-0.1, "TraceSampleRatio")]
    [InlineData(1.5, "TraceSampleRatio")]
    [InlineData(double.NaN, "TraceSampleRatio")]
    public void SampleRatio_OutOfRange(double ratio, string field)
    {
        var problem = Assert.Single(Validate(new ObservabilityOptions { TraceSampleRatio = ratio }, new AdminOptions()));
        Assert.Equal($"Gateway:Observability:{field}", problem.Path);
    }

    [Theory]
    [InlineData("http://otel-collector:4317", true)]
    [InlineData("https://collector.example:4318", true)]
    [InlineData("", true)]
    [InlineData("otel-collector:4317", false)]
    [InlineData("http://user:secret@collector:4317", false)]
    public void OtlpEndpoint_MustBeHttpUrlWithoutCredentials(string endpoint, bool valid)
    {
        var problems = Validate(new ObservabilityOptions { OtlpEndpoint = endpoint }, new AdminOptions());
        Assert.Equal(valid, problems.Count == 0);
        Assert.All(problems, p => Assert.Equal("Gateway:Observability:OtlpEndpoint", p.Path));
    }

    [Fact]
    public void EmptyServiceName_AndUnknownProtocol_Reported()
    {
        var problems = Validate(new ObservabilityOptions { ServiceName = " ", OtlpProtocol = (OtlpTransport)9 }, new AdminOptions());
        Assert.Contains(problems, p => p.Path == "Gateway:Observability:ServiceName");
        Assert.Contains(problems, p => p.Path == "Gateway:Observability:OtlpProtocol");
    }

    private static List<ConfigProblem> Validate(ObservabilityOptions observability, AdminOptions admin)
    {
        var problems = new List<ConfigProblem>();
        ObservabilityOptionsValidator.Validate(observability, admin, problems);
        return problems;
    }
}
