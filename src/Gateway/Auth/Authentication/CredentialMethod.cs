namespace Gateway.Auth.Authentication;

/// <summary>Which kind of credential a failure concerns.</summary>
internal enum CredentialMethod
{
    /// <summary>The request as a whole (more than one credential, a key in the query string).</summary>
    Request,
    Bearer,
    ApiKey,
}
