namespace LegacyBackend.Students;

internal sealed record Student(int Id, string FirstName, string LastName, int Grade);
