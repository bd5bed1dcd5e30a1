namespace Gateway.Auth.ApiKeys;

/// <summary>Compiled API key settings of one generation.</summary>
internal sealed class ApiKeySettings
{
    public required string Header { get; init; }

    public bool AllowQueryString { get; init; }

    public required string QueryParameter { get; init; }

    public required ApiKeyTable Table { get; init; }
}
