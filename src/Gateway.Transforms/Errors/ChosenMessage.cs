namespace Gateway.Transforms.Errors;

/// <summary>The message chosen from an error body, cleaned, and the candidate it came from.</summary>
/// <param name="Message">The cleaned message; <see langword="null"/> when no candidate said anything.</param>
/// <param name="Raw">The candidate before cleaning: it must be scanned too, because cutting a long message to length
/// can cut a leak down to a fragment no pattern recognises.</param>
internal readonly record struct ChosenMessage(string? Message, string? Raw);
