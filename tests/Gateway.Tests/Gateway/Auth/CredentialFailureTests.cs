using Gateway.Auth.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Gateway.Auth;

public sealed class CredentialFailureTests
{
    public static TheoryData<Exception?, int, string> Failures => new()
    {
        { new SecurityTokenExpiredException(), 401, "The access token expired" },
        { new SecurityTokenNotYetValidException(), 401, "The access token is not valid yet" },
        { new SecurityTokenInvalidSignatureException(), 401, "The access token is invalid" },
        { new SecurityTokenInvalidAudienceException(), 401, "The access token is invalid" },
        { new SecurityTokenMalformedException(), 401, "The access token is invalid" },
        { new AggregateException(new SecurityTokenExpiredException(), new SecurityTokenInvalidSignatureException()), 401, "The access token expired" },
        { null, 401, "The access token is invalid" },
        { new InvalidOperationException("IDX20803: Unable to obtain configuration"), 503, "Credentials cannot be verified right now. Try again later." },
        { new HttpRequestException("connection refused"), 503, "Credentials cannot be verified right now. Try again later." },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void FromBearer_Classifies(Exception? failure, int status, string description)
    {
        var result = CredentialFailure.FromBearer(failure);

        Assert.Equal(status, result.Status);
        Assert.Equal(description, result.Description);
        Assert.Equal(status == 401 ? "invalid_token" : null, result.Error);
    }

    [Fact]
    public void FromBearer_NeverShowsExceptionText()
    {
        var result = CredentialFailure.FromBearer(new SecurityTokenInvalidIssuerException("IDX10205: Issuer 'https://internal-idp.corp' is invalid"));

        Assert.DoesNotContain("corp", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("corp", result.LogReason, StringComparison.Ordinal);
    }
}
