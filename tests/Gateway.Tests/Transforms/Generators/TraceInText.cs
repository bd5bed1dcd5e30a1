namespace Gateway.Tests.Transforms.Generators;

/// <summary>Clean text with generated stack frames embedded somewhere in it.</summary>
public sealed record TraceInText(string Text, string Trace)
{
    public override string ToString() => Text;
}
