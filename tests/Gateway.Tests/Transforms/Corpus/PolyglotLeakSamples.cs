using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>
/// Leaky 4xx messages of the runtimes, frameworks and services beyond the common ones (Rust, Elixir/Erlang, Scala,
/// Kotlin, Swift, Perl, ColdFusion, classic ASP, Lua, Deno/Bun, .NET, Spring, gRPC-gateway, GraphQL, MongoDB, Redis,
/// Elasticsearch, Kafka, RabbitMQ, JDBC, LDAP, clouds, environment dumps, template engines), each with the kinds it must
/// be flagged as (at least). Part of <see cref="LeakSamples.All"/>.
/// </summary>
public static class PolyglotLeakSamples
{
    public static readonly (string Text, LeakKinds Kind)[] All =
    [
        // Rust.
        ("thread 'tokio-runtime-worker' panicked at src/handlers/enroll.rs:88:14:\ncalled `Option::unwrap()` on a `None` value\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace", LeakKinds.StackTrace),
        ("thread 'actix-rt|system:0|arbiter:1' panicked at 'index out of bounds: the len is 3 but the index is 5', src/routes/grades.rs:42:18", LeakKinds.StackTrace),
        ("Error: failed to load student 42\n\nCaused by:\n    0: error returned from database: relation \"students\" does not exist\n    1: relation \"students\" does not exist", LeakKinds.SqlError),
        ("error occurred while decoding column \"birth_date\": mismatched types; Rust type `chrono::NaiveDate` (as SQL type `DATE`) is not compatible with SQL type `TEXT`", LeakKinds.SqlError),
        ("db error: ERROR: column \"gradee\" of relation \"grades\" does not exist", LeakKinds.SqlError),
        ("Os { code: 2, kind: NotFound, message: \"No such file or directory\" }", LeakKinds.StackTrace),
        ("error sending request for url (http://roster-svc/v1/roster): error trying to connect: tcp connect error: Connection refused", LeakKinds.InternalHost),
        ("Error: \n   0: invalid grade payload\n   1: missing field `score` at line 1 column 27\n\nLocation:\n   src/api/grades.rs:57\n\nBacktrace omitted. Run with RUST_BACKTRACE=1 environment variable to display it.", LeakKinds.StackTrace),
        ("DatabaseError(UniqueViolation, \"null value in column \\\"grade\\\" violates not-null constraint\")", LeakKinds.SqlError | LeakKinds.ExceptionType),
        ("pool timed out while waiting for an open connection", LeakKinds.SqlError),
        ("thread 'main' panicked at /home/runner/.cargo/registry/src/index.crates.io-6f17d22bba15001f/serde_json-1.0.108/src/value/index.rs:102:18:\ncannot index", LeakKinds.StackTrace | LeakKinds.FilePath),

        // Elixir / Erlang.
        ("** (FunctionClauseError) no function clause matching in SisWeb.StudentController.show/2", LeakKinds.StackTrace | LeakKinds.ExceptionType),
        ("expected at least one result but got none in query:\n\nfrom s0 in Sis.Students.Student,\n  where: s0.id == ^42", LeakKinds.SqlError),
        ("** (MatchError) no match of right hand side value: {:error, :enoent}", LeakKinds.StackTrace | LeakKinds.ExceptionType),
        ("{badmatch,{error,enoent}}", LeakKinds.StackTrace),
        ("{{badmatch,{error,timeout}},[{roster_srv,fetch,2,[{file,\"src/roster_srv.erl\"},{line,57}]}]}", LeakKinds.StackTrace),
        ("** (Phoenix.Router.NoRouteError) no route found for GET /api/studens (SisWeb.Router)", LeakKinds.StackTrace | LeakKinds.ExceptionType),
        ("key :grade not found in: %{\"grade\" => 10, \"name\" => \"Ana\"}", LeakKinds.StackTrace),
        ("** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an atom\n\n    :erlang.binary_to_existing_atom(\"grad\", :utf8)", LeakKinds.StackTrace | LeakKinds.ExceptionType),
        ("exception error: no function clause matching roster_api:handle_req(<<\"PUT\">>,undefined) (src/roster_api.erl, line 33)", LeakKinds.StackTrace),
        ("malformed request, a Jason.DecodeError exception was raised with message \"unexpected byte at position 12: 0x7D (\\\"}\\\")\"", LeakKinds.ExceptionType),
        ("{case_clause,{ok,[]}}", LeakKinds.StackTrace),
        ("value `\"abc\"` in `where` cannot be cast to type :id in query:\n\nfrom s0 in Sis.Students.Student", LeakKinds.SqlError),
        ("exit with reason: {function_clause,[{sis_grades,validate,[undefined],[{file,\"src/sis_grades.erl\"},{line,88}]}]}", LeakKinds.StackTrace),

        // Scala / Akka / Play.
        ("The request content was malformed:\nspray.json.DeserializationException: Object is missing required member 'grade'", LeakKinds.ExceptionType),
        ("scala.MatchError: Some(Grade(11)) (of class scala.Some)", LeakKinds.ExceptionType),
        ("Ask timed out on [Actor[akka://sis/user/roster-manager#-1489126483]] after [5000 ms]. Message of type [sis.RosterProtocol$GetRoster]. A typical reason for `AskTimeoutException` is that the recipient actor didn't send a reply.", LeakKinds.ExceptionType),
        ("Execution exception[[NoSuchElementException: None.get]]", LeakKinds.ExceptionType),
        ("Unexpected exception[RuntimeException: roster cache not initialised]", LeakKinds.ExceptionType),
        ("Association with remote system [akka.tcp://sis@10.2.3.4:2552] has failed", LeakKinds.InternalHost),
        ("pekko.http.scaladsl.model.IllegalUriException: Illegal request-target: Invalid input ' ', expected pchar", LeakKinds.ExceptionType),

        // Kotlin.
        ("kotlinx.coroutines.JobCancellationException: StandaloneCoroutine was cancelled; job=StandaloneCoroutine{Cancelling}@4f3c7a21", LeakKinds.ExceptionType),
        ("Field 'grade' is required for type with serial name 'sis.model.Student', but it was missing at path: $", LeakKinds.ExceptionType),
        ("Failed to convert request body to class sis.model.Student", LeakKinds.ExceptionType),
        ("Parameter specified as non-null is null: method sis.api.StudentController.update, parameter body", LeakKinds.ExceptionType),
        ("lateinit property repository has not been initialized", LeakKinds.ExceptionType),
        ("io.ktor.server.plugins.BadRequestException: Can't transform call to resource\n\tat io.ktor.server.resources.RoutingKt$handle$1.invokeSuspend(Routing.kt:62)", LeakKinds.StackTrace | LeakKinds.ExceptionType),

        // Swift / Vapor.
        ("server: column \"gradee\" does not exist (errorMissingColumn)", LeakKinds.SqlError),
        ("Fatal error: Unexpectedly found nil while unwrapping an Optional value: file Sources/App/Controllers/StudentController.swift, line 57", LeakKinds.ExceptionType),
        ("PSQLError(code: server, serverInfo: [sqlState: 42P01, file: parse_relation.c, line: 1392, message: relation \"students\" does not exist, routine: parserOpenTable])", LeakKinds.SqlError | LeakKinds.ExceptionType),
        ("typeMismatch(Swift.Int, Swift.DecodingError.Context(codingPath: [CodingKeys(stringValue: \"grade\", intValue: nil)], debugDescription: \"Expected to decode Int but found a string instead.\", underlyingError: nil))", LeakKinds.ExceptionType),
        ("MySQL error: Server error: Unknown column 'gradee' in 'field list'", LeakKinds.SqlError),
        ("FluentKit.FluentError.noResults", LeakKinds.ExceptionType),

        // Perl.
        ("Can't locate object method \"new\" via package \"Sis::Roster\" (perhaps you forgot to load \"Sis::Roster\"?) at /opt/sis/lib/Sis/Api.pm line 88.", LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType),
        ("DBD::mysql::st execute failed: Unknown column 'gradee' in 'field list' at /usr/local/sis/cgi-bin/grades.cgi line 214.", LeakKinds.StackTrace | LeakKinds.SqlError | LeakKinds.FilePath),
        ("Can't call method \"id\" on an undefined value at script/sis_api line 45.", LeakKinds.ExceptionType),
        ("Use of uninitialized value $grade in numeric gt (>) at grades.pl line 12.", LeakKinds.StackTrace),
        ("Not a HASH reference at /var/www/sis/Roster.pm line 102.\n", LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType),
        ("Page not found (development mode)", LeakKinds.DebugPage),
        ("Caught exception in Sis::Controller::Students->update \"Can't use string (\"abc\") as a HASH ref while \"strict refs\" in use at /home/sis/lib/Sis/Controller/Students.pm line 77.\"", LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType),
        ("Can't locate Sis/Model.pm in @INC (you may need to install the Sis::Model module) (@INC contains: /etc/perl /usr/local/lib/x86_64-linux-gnu/perl/5.36.0)", LeakKinds.FilePath | LeakKinds.ExceptionType),
        ("Illegal division by zero at Sis/Grades.pm line 31.", LeakKinds.StackTrace),

        // ColdFusion / Lucee.
        ("Variable STUDENTID is undefined.", LeakKinds.ExceptionType),
        ("The error occurred in D:/inetpub/wwwroot/sis/students.cfm: line 42", LeakKinds.FilePath),
        ("Error Executing Database Query. [Macromedia][SQLServer JDBC Driver][SQLServer]Invalid column name 'gradee'.", LeakKinds.SqlError),
        ("key [GRADE] doesn't exist", LeakKinds.ExceptionType),
        ("The STUDENTID parameter to the getStudent function is required but was not passed in.", LeakKinds.ExceptionType),
        ("lucee.runtime.exp.ExpressionException: invalid call of the function listGetAt", LeakKinds.ExceptionType),

        // Classic ASP.
        ("Microsoft VBScript compilation error '800a03f6'\n\nExpected 'End'\n\n/inc/db.inc, line 88", LeakKinds.FilePath | LeakKinds.ExceptionType),
        ("Microsoft OLE DB Provider for SQL Server error '80040e14'\n\nIncorrect syntax near the keyword 'WHERE'.\n\n/students/list.asp, line 15", LeakKinds.SqlError | LeakKinds.FilePath),
        ("Microsoft JScript runtime error '800a138f'\n\n'Request(...)' is null or not an object\n\n/api/roster.asp, line 9", LeakKinds.FilePath),
        ("Server.MapPath() error 'ASP 0175 : 80004005'\n\nDisallowed Path Characters\n\n/default.asp, line 3", LeakKinds.FilePath),
        ("CDO.Message.1 error '80040213' The transport failed to connect to the server. /mail/send.asp, line 58", LeakKinds.FilePath),

        // Lua / OpenResty.
        ("lua entry thread aborted: runtime error: /usr/local/openresty/lualib/sis/auth.lua:42: attempt to concatenate a nil value (local 'token')", LeakKinds.StackTrace | LeakKinds.FilePath),
        ("/etc/nginx/lua/roster.lua:17: bad argument #1 to 'ipairs' (table expected, got nil)", LeakKinds.StackTrace | LeakKinds.FilePath),
        ("stack traceback:\n\t[C]: in function 'error'\n\t/opt/sis/handler.lua:88: in function </opt/sis/handler.lua:80>", LeakKinds.StackTrace | LeakKinds.FilePath),
        ("./app.lua:33: attempt to perform arithmetic on a nil value (field 'grade')", LeakKinds.StackTrace),
        ("attempt to call method 'query' (a nil value)", LeakKinds.StackTrace),
        ("app/models/roster.lua:12: attempt to compare number with nil", LeakKinds.StackTrace),

        // Deno / Bun.
        ("error: Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'grade')\n    at file:///app/routes/grades.ts:22:31", LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType),
        ("No such file or directory (os error 2): readfile '/srv/data/roster.json'", LeakKinds.StackTrace | LeakKinds.FilePath),
        ("TypeError: undefined is not an object (evaluating 'body.student.grade')\n      at /home/bun/app/src/index.ts:14:22", LeakKinds.StackTrace | LeakKinds.FilePath | LeakKinds.ExceptionType),
        ("Requires read access to \"/etc/sis/config.json\", run again with the --allow-read flag", LeakKinds.FilePath),
        ("SQLiteError: no such column: gradee", LeakKinds.SqlError | LeakKinds.ExceptionType),
        ("undefined is not an object (evaluating 'req.body.grade')", LeakKinds.ExceptionType),
        ("    at async Server.#respond (https://deno.land/std@0.200.0/http/server.ts:220:18)", LeakKinds.StackTrace),

        // .NET.
        ("Sequence contains more than one element", LeakKinds.ExceptionType),
        ("No service for type 'Sis.Services.IRosterService' has been registered.", LeakKinds.ExceptionType),
        ("Unable to resolve service for type 'Sis.Data.IGradeRepository' while attempting to activate 'Sis.Controllers.GradesController'.", LeakKinds.ExceptionType),
        ("Cannot access a disposed context instance. A common cause of this error is disposing a context instance that was resolved from dependency injection. Object name: 'SisDbContext'.", LeakKinds.ExceptionType),
        ("The model item passed into the ViewDataDictionary is of type 'Sis.Models.Student', but this ViewDataDictionary instance requires a model item of type 'Sis.Models.RosterViewModel'.", LeakKinds.ExceptionType),
        ("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", LeakKinds.ExceptionType),

        // Spring / Java.
        ("No converter for [class sis.dto.GradeReport] with preset Content-Type 'null'", LeakKinds.ExceptionType),
        ("Cannot invoke \"sis.model.Student.getGrade()\" because \"student\" is null", LeakKinds.ExceptionType),
        ("Cannot invoke \"String.length()\" because \"<parameter1>\" is null", LeakKinds.ExceptionType),
        ("JSON parse error: Cannot deserialize value of type `sis.model.GradeLevel` from String \"13th\": not one of the values accepted for Enum class: [NINTH, TENTH]", LeakKinds.ExceptionType),
        ("Index 5 out of bounds for length 3", LeakKinds.ExceptionType),
        ("could not execute statement; SQL [n/a]; constraint [null]", LeakKinds.SqlError),
        ("query did not return a unique result: 2", LeakKinds.SqlError),
        ("Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [sis.model.Student#42]", LeakKinds.SqlError),

        // gRPC gateway / Go.
        ("student 42 not found: sql: no rows in result set", LeakKinds.SqlError),
        ("rpc error: code = InvalidArgument desc = dial tcp 10.12.0.7:5432: connect: connection refused", LeakKinds.InternalHost),
        ("failed to fetch roster: Get \"http://roster.internal.svc.cluster.local/v1\": context deadline exceeded", LeakKinds.InternalHost),
        ("Error 1054 (42S22): Unknown column 'gradee' in 'field list'", LeakKinds.SqlError),
        ("ERROR: relation \"students\" does not exist (SQLSTATE 42P01)", LeakKinds.SqlError),
        ("template: roster.html:14:22: executing \"roster.html\" at <.Student.Grade>: nil pointer evaluating *models.Student.Grade", LeakKinds.ExceptionType),
        ("sql: converting argument $1 type: unsupported type []string, a slice of string", LeakKinds.SqlError),
        ("reflect: call of reflect.Value.Interface on zero Value", LeakKinds.ExceptionType),

        // GraphQL.
        ("connect ECONNREFUSED 10.0.3.12:5432", LeakKinds.InternalHost | LeakKinds.ExceptionType),
        ("Exception while fetching data (/student/grade) : Cannot invoke \"sis.model.Grade.getValue()\" because the return value of \"sis.model.Student.getGrade()\" is null", LeakKinds.ExceptionType),
        ("Cannot query field \"gradee\" on type \"Student\". Did you mean \"grade\"? [at /srv/graphql/schema.graphql:44]", LeakKinds.FilePath),
        ("undefined method 'grade' for nil", LeakKinds.ExceptionType),

        // MongoDB.
        ("BSONObj size: 17825792 (0x1100000) is invalid. Size must be between 0 and 16793600(16MB) First element: insert: \"grades\"", LeakKinds.SqlError),
        ("MongoNetworkError: connect ECONNREFUSED 10.4.1.9:27017", LeakKinds.InternalHost | LeakKinds.ExceptionType),
        ("Document failed validation: { failingDocumentId: ObjectId('65f1c0ffee0123456789abcd'), details: { operatorName: \"$jsonSchema\" } }", LeakKinds.SqlError),
        ("MongoServerSelectionError: getaddrinfo ENOTFOUND mongo-rs0-1", LeakKinds.ExceptionType),

        // Redis.
        ("READONLY You can't write against a read only replica.", LeakKinds.ExceptionType),
        ("MOVED 3999 10.0.5.12:6381", LeakKinds.InternalHost),
        ("LOADING Redis is loading the dataset in memory", LeakKinds.ExceptionType),
        ("OOM command not allowed when used memory > 'maxmemory'.", LeakKinds.ExceptionType),
        ("EXECABORT Transaction discarded because of previous errors.", LeakKinds.ExceptionType),
        ("Error 111 connecting to redis-master:6379. Connection refused.", LeakKinds.InternalHost),
        ("ERR value is not an integer or out of range", LeakKinds.ExceptionType),

        // Elasticsearch.
        ("[parsing_exception] unknown query [mtch], with { line=1 & col=23 }", LeakKinds.ExceptionType),
        ("no such index [sis-roster-v3]", LeakKinds.ExceptionType),
        ("[illegal_argument_exception] Text fields are not optimised for operations that require per-document field data like aggregations and sorting", LeakKinds.ExceptionType),
        ("search_phase_execution_exception: all shards failed", LeakKinds.ExceptionType),
        ("Fielddata is disabled on text fields by default. Set fielddata=true on [last_name] in order to load fielddata in memory by uninverting the inverted index.", LeakKinds.ExceptionType),

        // Kafka / RabbitMQ.
        ("KafkaJSNumberOfRetriesExceeded: Connection error: connect ECONNREFUSED 10.20.1.5:9092", LeakKinds.InternalHost | LeakKinds.ExceptionType),
        ("kafka: client has run out of available brokers to talk to: dial tcp 10.0.1.4:9092: connect: connection refused", LeakKinds.InternalHost),
        ("KafkaError{code=_MSG_TIMED_OUT,val=-192,str=\"Local: Message timed out\"}", LeakKinds.ExceptionType),
        ("Topic sis.enrollments.v1 not present in metadata after 60000 ms.", LeakKinds.ExceptionType),
        ("ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.", LeakKinds.ExceptionType),
        ("Failed to connect to amqp://sis:s3cretPw@rabbitmq.internal:5672/sis", LeakKinds.ConnectionString | LeakKinds.InternalHost),
        ("NOT_FOUND - no exchange 'sis.grades' in vhost 'sis-prod'", LeakKinds.ExceptionType),

        // JDBC.
        ("Cannot create PoolableConnectionFactory (Communications link failure) jdbc:mysql://db-prod-3:3306/sis", LeakKinds.SqlError | LeakKinds.ConnectionString | LeakKinds.InternalHost),
        ("No suitable driver found for jdbc:sqlserver://sqlprod01;databaseName=Roster", LeakKinds.SqlError | LeakKinds.ConnectionString),
        ("Listener refused the connection with the following error: ORA-12514, TNS:listener does not currently know of service requested in connect descriptor (jdbc:oracle:thin:@//ora-sis.corp.local:1521/SISPDB)", LeakKinds.SqlError | LeakKinds.ConnectionString | LeakKinds.InternalHost),
        ("Connection to jdbc:postgresql://10.1.2.3:5432/sis refused.", LeakKinds.SqlError | LeakKinds.ConnectionString | LeakKinds.InternalHost),

        // LDAP.
        ("Invalid credentials for CN=svc-sis-bind,OU=Service Accounts,DC=corp,DC=acme,DC=org", LeakKinds.InternalHost),
        ("No such object: OU=Students,OU=District 12,DC=schools,DC=local", LeakKinds.InternalHost),
        ("[LDAP: error code 32 - No Such Object]; remaining name 'uid=jdoe,ou=people'", LeakKinds.ExceptionType),
        ("User CN=Jane Doe,OU=Staff,DC=district,DC=k12 is not a member of CN=SIS-Writers,OU=Groups,DC=district,DC=k12", LeakKinds.InternalHost),

        // Cloud.
        ("Resource /subscriptions/3f2a1b4c-1111-2222-3333-444455556666/resourceGroups/sis-prod-rg/providers/Microsoft.Sql/servers/sis-sql/databases/roster not found", LeakKinds.InternalHost),
        ("Permission 'pubsub.topics.publish' denied on resource 'projects/sis-prod-381204/topics/grades' (or it may not exist).", LeakKinds.InternalHost),
        ("Could not reach https://sis-prod-api.internal.acme.corp/v2/roster", LeakKinds.InternalHost),
        ("Requested resource not found: Table: sis-students-prod not found", LeakKinds.ExceptionType),
        ("Secret projects/481516234200/secrets/sis-db-password/versions/latest not found or has no versions.", LeakKinds.InternalHost),
        ("Function failed on loading user code. Error: /workspace/index.js:12", LeakKinds.FilePath),

        // env dumps.
        ("Missing configuration.\nHOME=/home/app\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin\nNODE_ENV=production\nDB_HOST=10.0.0.12", LeakKinds.FilePath | LeakKinds.ConnectionString | LeakKinds.InternalHost),
        ("environment variable SIS_DB_PASSWORD not set (have: SIS_DB_USER=sis_app, SIS_DB_HOST=pg-primary)", LeakKinds.ConnectionString),
        ("Config error: SPRING_DATASOURCE_URL=jdbc:postgresql://pg-sis:5432/sis", LeakKinds.SqlError | LeakKinds.ConnectionString | LeakKinds.InternalHost),

        // templates.
        ("jinja2.exceptions.UndefinedError: 'dict object' has no attribute 'grade'", LeakKinds.ExceptionType),
        ("'dict object' has no attribute 'grade'", LeakKinds.ExceptionType),
        ("TemplateNotFound: emails/enroll.html", LeakKinds.ExceptionType),
        ("Variable \"student\" does not exist in \"roster/show.html.twig\" at line 12.", LeakKinds.StackTrace),
        ("An exception has been thrown during the rendering of a template (\"Warning: Undefined array key \"grade\"\") in \"grades.html.twig\" at line 4.", LeakKinds.StackTrace | LeakKinds.ExceptionType),
        ("An error happened during template parsing (template: \"class path resource [templates/roster.html]\")", LeakKinds.StackTrace),
        ("Exception evaluating SpringEL expression: \"student.grade.name\" (template: \"roster\" - line 22, col 9)", LeakKinds.StackTrace | LeakKinds.ExceptionType),
        ("The view 'Details' was not found. The following locations were searched:\n/Views/Students/Details.cshtml\n/Views/Shared/Details.cshtml", LeakKinds.FilePath),
        ("The following has evaluated to null or missing:\n==> student.grade  [in template \"roster.ftl\" at line 14, column 7]", LeakKinds.StackTrace),
        ("ejs:12\n >> 12| <%= student.grade %>\n\nstudent is not defined", LeakKinds.StackTrace),
        ("undefined local variable or method `student' for #<ActionView::Base:0x000055d5c1a2b3c8>", LeakKinds.ExceptionType),
        ("Unable to find template \"roster/show.html.twig\" (looked into: /var/www/sis/templates).", LeakKinds.StackTrace | LeakKinds.FilePath),

        // misc runtimes messages without type names.
        ("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'", LeakKinds.ExceptionType),
        ("'str' object cannot be interpreted as an integer", LeakKinds.ExceptionType),
        ("Attempt to read property \"grade\" on null", LeakKinds.ExceptionType),
        ("Call to a member function getGrade() on null", LeakKinds.ExceptionType),
        ("Cannot read properties of null (reading 'grade')", LeakKinds.ExceptionType),
        ("Cannot destructure property 'grade' of 'req.body' as it is undefined.", LeakKinds.ExceptionType),
        ("student.grade is not a function", LeakKinds.ExceptionType),
        ("Argument 1 passed to Sis\\Service\\Grades::save() must be of type int, string given", LeakKinds.ExceptionType),
        ("unsupported operand type(s) for +: 'int' and 'str'", LeakKinds.ExceptionType),
        ("object of type 'NoneType' has no len()", LeakKinds.ExceptionType),
        ("can't convert nil into Integer", LeakKinds.ExceptionType),
    ];
}
