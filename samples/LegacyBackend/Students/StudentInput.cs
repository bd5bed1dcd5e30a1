namespace LegacyBackend.Students;

/// <summary>A student as posted by a client; every field optional, as the legacy API never validated.</summary>
internal sealed record StudentInput(string? FirstName, string? LastName, int? Grade);
