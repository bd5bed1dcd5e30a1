namespace Gateway.Configuration;

/// <summary>The absolute path of the config file this process serves.</summary>
internal sealed record ConfigFilePath(string Path);
