using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Database errors of SQL Server, Oracle, PostgreSQL, MySQL and SQLite, wrapped by all kinds of services.</summary>
public static class SqlCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return Both("sql/sqlserver-syntax-echo-400", 400, "application/json",
            """{"message":"Incorrect syntax near 'OR'. Unclosed quotation mark after the character string ''."}""",
            LeakKinds.SqlError, 400, Generic.BadRequest);

        yield return ServerError("sql/sqlserver-msg-level-text", 500, "text/plain",
            """
            Msg 208, Level 16, State 1, Procedure usp_GetRoster, Line 14
            Invalid object name 'edfi.StudentSectionAssociation'.
            """,
            LeakKinds.SqlError);

        yield return ServerError("sql/sqlserver-deadlock", 500, "application/json",
            """{"message":"Transaction (Process ID 57) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction."}""",
            LeakKinds.SqlError);

        yield return Conflict("sql/sqlserver-pk-violation", 500, "application/json",
            """{"message":"Violation of PRIMARY KEY constraint 'PK_Student'. Cannot insert duplicate key in object 'edfi.Student'. The duplicate key value is (604822).\r\nThe statement has been terminated."}""",
            LeakKinds.SqlError);

        yield return Conflict("sql/sqlserver-unique-index", 500, "text/plain",
            "Cannot insert duplicate key row in object 'edfi.Student' with unique index 'UX_Student_StudentUniqueId'. The duplicate key value is (604822).",
            LeakKinds.SqlError);

        yield return Conflict("sql/sqlserver-fk-insert", 500, "application/json",
            """{"Message":"An error has occurred.","ExceptionMessage":"The INSERT statement conflicted with the FOREIGN KEY constraint \"FK_StudentSchoolAssociation_School\". The conflict occurred in database \"EdFi_Ods\", table \"edfi.School\", column 'SchoolId'.","ExceptionType":"System.Data.SqlClient.SqlException"}""",
            LeakKinds.SqlError | LeakKinds.ExceptionType | LeakKinds.StackTrace);

        yield return Conflict("sql/sqlserver-reference-delete", 500, "text/html",
            """
            <html><head><title>The DELETE statement conflicted with the REFERENCE constraint "FK_Grade_Section". The conflict occurred in database "EdFi_Ods", table "edfi.Grade".</title></head><body><h2>The DELETE statement conflicted with the REFERENCE constraint</h2></body></html>
            """,
            LeakKinds.SqlError);

        yield return Conflict("sql/sqlserver-unique-on-400", 400, "application/json",
            """{"message":"Violation of UNIQUE KEY constraint 'UQ_Student_Email'. Cannot insert duplicate key in object 'dbo.Student'. The duplicate key value is (ada@example.org)."}""",
            LeakKinds.SqlError);

        yield return ServerError("sql/oracle-ora-00942-text", 500, "text/plain",
            "ORA-00942: table or view does not exist",
            LeakKinds.SqlError);

        yield return Conflict("sql/oracle-ora-00001", 500, "text/plain",
            "ORA-00001: unique constraint (SIS.STUDENT_UK1) violated\nORA-06512: at \"SIS.ENROLL_PKG\", line 88",
            LeakKinds.SqlError);

        yield return Conflict("sql/oracle-ora-02292-delete", 500, "application/json",
            """{"error":"ORA-02292: integrity constraint (SIS.FK_GRADE_SECTION) violated - child record found"}""",
            LeakKinds.SqlError);

        yield return Conflict("sql/oracle-ora-02291-insert", 500, "application/xml",
            """<?xml version="1.0"?><error><message>ORA-02291: integrity constraint (SIS.FK_ENR_STUDENT) violated - parent key not found</message></error>""",
            LeakKinds.SqlError);

        yield return ServerError("sql/postgres-relation-missing", 500, "application/json",
            """{"error":"ERROR:  relation \"student_section\" does not exist\nLINE 1: SELECT * FROM student_section WHERE section_id = $1\n                      ^"}""",
            LeakKinds.SqlError);

        yield return Conflict("sql/postgres-23505-fields", 500, "application/json",
            """{"code":"23505","message":"duplicate key value violates unique constraint \"uq_student_email\"","detail":"Key (email)=(ada@example.org) already exists.","schema":"public","table":"student"}""",
            LeakKinds.SqlError);

        yield return Conflict("sql/postgres-npgsql-23503", 500, "text/plain",
            "Npgsql.PostgresException (0x80004005): 23503: insert or update on table \"enrollment\" violates foreign key constraint \"fk_enrollment_section\"",
            LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return ServerError("sql/postgres-psql-exception", 500, "text/plain",
            "org.postgresql.util.PSQLException: ERROR: column \"grade_level\" does not exist\n  Hint: Perhaps you meant to reference the column \"student.gradelevel\".\n  Position: 42",
            LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return ServerError("sql/mysql-syntax-error", 500, "text/plain",
            "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'ORDER BY last_name' at line 1",
            LeakKinds.SqlError);

        yield return Conflict("sql/mysql-1062-duplicate-entry", 500, "application/json",
            """{"code":"ER_DUP_ENTRY","errno":1062,"sqlMessage":"Duplicate entry 'ada@example.org' for key 'students.email'","sqlState":"23000","index":0,"sql":"INSERT INTO students SET `email` = 'ada@example.org'"}""",
            LeakKinds.SqlError);

        yield return Conflict("sql/mysql-1452-child-row", 500, "text/plain",
            "SQLSTATE[23000]: Integrity constraint violation: 1452 Cannot add or update a child row: a foreign key constraint fails (`sis`.`enrollments`, CONSTRAINT `enrollments_section_id_foreign` FOREIGN KEY (`section_id`) REFERENCES `sections` (`id`))",
            LeakKinds.SqlError);

        yield return Conflict("sql/mysql-1451-parent-row", 500, "application/json",
            """{"message":"Cannot delete or update a parent row: a foreign key constraint fails (`sis`.`grades`, CONSTRAINT `grades_section_id_foreign` FOREIGN KEY (`section_id`) REFERENCES `sections` (`id`))"}""",
            LeakKinds.SqlError);

        yield return ServerError("sql/mysql-node-er-no-such-table", 500, "application/json",
            """{"code":"ER_NO_SUCH_TABLE","errno":1146,"sqlMessage":"Table 'sis.studnets' doesn't exist"}""",
            LeakKinds.SqlError);

        yield return Conflict("sql/sqlite-unique-failed", 500, "text/plain",
            "sqlite3.IntegrityError: UNIQUE constraint failed: students.email",
            LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return ServerError("sql/sqlite-no-such-column", 500, "text/plain",
            "SQLITE_ERROR: no such column: grade_level",
            LeakKinds.SqlError);

        yield return Conflict("sql/firebird-foreign-key", 500, "text/plain",
            "violation of FOREIGN KEY constraint \"FK_ENROLL_STUDENT\" on table \"ENROLLMENTS\"\nForeign key reference target does not exist",
            LeakKinds.SqlError);

        yield return Conflict("sql/informix-239-unique-index", 500, "text/html",
            "<html><body><h1>Error</h1><p>-239 Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:ix_students_email).</p></body></html>",
            LeakKinds.SqlError);

        yield return Conflict("sql/db2-sqlcode-803", 500, "application/json",
            """{"message":"DB2 SQL Error: SQLCODE=-803, SQLSTATE=23505, SQLERRMC=1;SIS.STUDENTS, DRIVER=4.26.14"}""",
            LeakKinds.SqlError);

        yield return Conflict("sql/jet-duplicate-values", 500, "text/html",
            "<html><body><font face=\"Arial\">Microsoft JET Database Engine</font> <font face=\"Arial\">error '80004005'</font><p>The changes you requested to the table were not successful because they would create duplicate values in the index, primary key, or relationship.</p><p>/sis/enroll.asp, line 42</p></body></html>",
            LeakKinds.SqlError | LeakKinds.FilePath);

        yield return ServerError("sql/firebird-table-unknown", 500, "text/plain",
            "Dynamic SQL Error\nSQL error code = -204\nTable unknown\nSTUDENTS\nAt line 1, column 15",
            LeakKinds.SqlError);

        yield return new("sql/integrity-mapping-disabled", 500, "application/json",
            """{"message":"duplicate key value violates unique constraint \"uq_student_email\""}""")
        {
            Leaks = LeakKinds.SqlError,
            Settings = new NormalizerSettings { MapIntegrityViolationsTo409 = false },
            EdFi = new(500, Generic.Internal),
            ProblemDetails = new(500, Generic.Internal),
        };

        yield return ServerError("sql/not-null-is-no-conflict", 500, "text/plain",
            "null value in column \"last_name\" of relation \"student\" violates not-null constraint",
            LeakKinds.SqlError);

        yield return ServerError("sql/hibernate-sql-grammar", 500, "application/json",
            """{"message":"could not execute query; SQL [select s1_0.id,s1_0.grade from student s1_0 where s1_0.school=?]; nested exception is org.hibernate.exception.SQLGrammarException: could not execute query"}""",
            LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return ServerError("sql/connection-string-in-error", 500, "text/plain",
            "Format of the initialization string does not conform to specification starting at index 0. Server=sql01.corp;Database=EdFi_Ods;User Id=edfi;Password=Sup3rS3cret!;",
            LeakKinds.ConnectionString | LeakKinds.InternalHost);

        yield return Both("sql/login-failed-data-source-400", 400, "application/json",
            """{"message":"Cannot open database \"EdFi_Ods_255901\" requested by the login. The login failed. Data Source=10.20.1.5,1433"}""",
            LeakKinds.ConnectionString | LeakKinds.InternalHost, 400, Generic.BadRequest);

        yield return ServerError("sql/postgres-uri-in-message", 503, "application/json",
            """{"message":"could not connect to postgres://sis_app:p4ss@db-primary:5432/sis"}""",
            LeakKinds.ConnectionString);
    }
}
