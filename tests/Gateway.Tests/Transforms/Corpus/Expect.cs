namespace Gateway.Tests.Transforms.Corpus;

/// <summary>The verdict expected under one profile.</summary>
public readonly record struct Expect(int Status, string Message, bool PassThrough = false);
