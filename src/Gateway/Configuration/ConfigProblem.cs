namespace Gateway.Configuration;

/// <summary>One thing wrong with a config file, located by its configuration path (e.g. <c>Gateway:Routes:x:Profile</c>).</summary>
internal sealed record ConfigProblem(string Path, string Message)
{
    /// <summary>What is wrong; a credential in a quoted value is already hidden (every consumer logs or prints it).</summary>
    public string Message { get; init; } = ConfigValueRedactor.Redact(Message);

    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
