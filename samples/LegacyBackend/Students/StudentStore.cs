using System.Collections.Concurrent;

namespace LegacyBackend.Students;

/// <summary>In-memory, thread-safe students; PUT and DELETE really change what GET returns.</summary>
internal sealed class StudentStore
{
    private readonly ConcurrentDictionary<int, Student> _students = new();
    private int _lastId;

    public StudentStore()
    {
        Seed(new Student(1, "Ada", "Lovelace", 9));
        Seed(new Student(2, "Alan", "Turing", 10));
        Seed(new Student(3, "Grace", "Hopper", 11));
    }

    public IReadOnlyList<Student> All() => [.. _students.Values.OrderBy(s => s.Id)];

    public Student? Find(int id) => _students.TryGetValue(id, out var student) ? student : null;

    public Student Add(StudentInput input)
    {
        var student = new Student(
            Interlocked.Increment(ref _lastId),
            input.FirstName ?? string.Empty,
            input.LastName ?? string.Empty,
            input.Grade ?? 0);
        _students[student.Id] = student;
        return student;
    }

    /// <summary>Replaces an existing student; fields missing from the input keep their value. Null if unknown.</summary>
    public Student? Update(int id, StudentInput input)
    {
        // Compare-and-swap loop: a concurrent PUT or DELETE makes us retry or report "not found".
        while (_students.TryGetValue(id, out var current))
        {
            var updated = current with
            {
                FirstName = input.FirstName ?? current.FirstName,
                LastName = input.LastName ?? current.LastName,
                Grade = input.Grade ?? current.Grade,
            };
            if (_students.TryUpdate(id, updated, current))
            {
                return updated;
            }
        }

        return null;
    }

    public Student? Remove(int id) => _students.TryRemove(id, out var student) ? student : null;

    private void Seed(Student student)
    {
        _students[student.Id] = student;
        _lastId = Math.Max(_lastId, student.Id);
    }
}
