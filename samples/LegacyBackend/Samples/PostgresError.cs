namespace LegacyBackend.Samples;

/// <summary>A service that passes PostgreSQL's error report through to the client untouched.</summary>
internal static class PostgresError
{
    public const string Body = """
        ERROR: insert or update on table "enrollment" violates foreign key constraint "enrollment_student_id_fkey"
        DETAIL: Key (student_id)=(99) is not present in table "student".
        STATEMENT: INSERT INTO enrollment (student_id, course_code, term) VALUES (99, 'MATH-201', '2024-FALL')
        CONNECTION: host=pg-students-01.school.internal port=5432 dbname=school user=enrollment_svc

        """;
}
