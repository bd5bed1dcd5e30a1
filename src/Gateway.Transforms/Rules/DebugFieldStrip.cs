namespace Gateway.Transforms.Rules;

/// <summary>What <see cref="DebugFieldStripper.Strip"/> did with a body.</summary>
public enum DebugFieldStrip
{
    /// <summary>No debug field, or not JSON: nothing written, the body goes as it came.</summary>
    Unchanged,

    /// <summary>Debug fields were dropped; the rest was written.</summary>
    Stripped,

    /// <summary>Nested past <see cref="SuccessJson.MaxDepth"/>: unread, so it may hide a trace and must not pass as is.</summary>
    TooDeep,
}
