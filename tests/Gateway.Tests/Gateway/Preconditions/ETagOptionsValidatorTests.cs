using Gateway.Configuration;
using Gateway.Preconditions;

namespace Gateway.Tests.Gateway.Preconditions;

public sealed class ETagOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        var problems = new List<ConfigProblem>();

        ETagOptionsValidator.Validate(new ETagOptions(), "Gateway:Routes:r", problems);

        Assert.Empty(problems);
        Assert.Equal(ETagMode.Passthrough, ETagPolicy.Default.Mode);
        Assert.Equal(ETagLockMode.Local, ETagPolicy.Default.Lock);
        Assert.Equal(1024 * 1024, ETagPolicy.Default.MaxBodyBytes);
    }

    [Theory]
    [InlineData(0, 0, 0, "Gateway:Routes:r:ETags:MaxBodyBytes")]
    [InlineData(0, 0, 64 * 1024 * 1024 + 1, "Gateway:Routes:r:ETags:MaxBodyBytes")]
    [InlineData(7, 0, 1024, "Gateway:Routes:r:ETags:Mode")]
    [InlineData(0, 9, 1024, "Gateway:Routes:r:ETags:Lock")]
    public void Validate_BadValue_ProblemAtPath(int mode, int lockMode, int maxBodyBytes, string path)
    {
        var problems = new List<ConfigProblem>();
        var options = new ETagOptions { Mode = (ETagMode)mode, Lock = (ETagLockMode)lockMode, MaxBodyBytes = maxBodyBytes };

        ETagOptionsValidator.Validate(options, "Gateway:Routes:r", problems);

        Assert.Equal(path, Assert.Single(problems).Path);
    }
}
