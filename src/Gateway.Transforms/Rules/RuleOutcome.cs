using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Rules;

/// <summary>What a matching rule decided: the status, and the body's message when it was found and clean.</summary>
public readonly record struct RuleOutcome(int Status, string? Message, LeakKinds Leaks);
