namespace LegacyBackend.Samples;

/// <summary>A tidy 400 body: the one backend error that is already fit for clients.</summary>
internal static class ValidationError
{
    public const string Body = """
        {"errors":[{"field":"lastName","message":"Last name is required."},{"field":"grade","message":"Grade must be between 1 and 12."}]}
        """;
}
