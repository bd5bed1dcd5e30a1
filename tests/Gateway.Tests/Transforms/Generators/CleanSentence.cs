namespace Gateway.Tests.Transforms.Generators;

/// <summary>A sentence of ordinary words and numbers, the kind a client message is made of.</summary>
public sealed record CleanSentence(string Text)
{
    public override string ToString() => Text;
}
