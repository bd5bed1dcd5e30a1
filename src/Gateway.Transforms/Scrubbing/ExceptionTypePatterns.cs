using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Exception type names in code form (qualified, compound CamelCase, Ruby/PHP namespaced), runtime error codes, and
/// the well-known messages of runtime exceptions. The plain English words "exception" and "error" do not count.
/// </summary>
internal static partial class ExceptionTypePatterns
{
    private const LeakKinds Kind = LeakKinds.ExceptionType;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, ["exception", "error"], TypeNames, MarkerGuards.TypeName),
        new(Kind, ["::"], Namespaced),
        new(Kind, ["Controller.", "Controller#", "Service.", "Impl.", "Dao.", "Servlet.", "Handler.",
            "Manager.", "Helper.", "Mapper.", "Facade."], CodeMembers, MarkerGuards.CodeMember),
        new(Kind, ["ENOENT", "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EACCES", "EADDRINUSE", "EADDRNOTAVAIL",
            "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "EPERM", "EAI_AGAIN", "EMFILE", "EISDIR",
            "ENOTDIR", "EEXIST", "ENOTEMPTY", "cURL error"], ErrorCodes),
        new(Kind, ["JBWEB", "JBAS", "WFLY", "RESTEASY", "SRVE", "CWWK", "JSPG", "DSRA", "J2CA", "WSVR", "WTRN"], ServerMessageIds),
        new(Kind, ["Object reference not set", "Sequence contains", "Index was out", "Cannot read propert",
            "undefined method", "nil:NilClass", "NoneType", "has no attribute", "list index out of range", "nil pointer",
            "Unable to cast object", "not present in the dictionary", "Specified cast", "Nullable object",
            "Collection was modified", "open DataReader", "not in a correct format", "is not a function",
            "call stack size", "divide by zero", "Value cannot be null", "input string: \"", "Exception of type", "an exception",
            "Allowed memory size", "Maximum execution time", "being aborted", "PublicKeyToken=", "inner exception for",
            "member function", "undefined function", "of non-object", "local variable or method", "#<", "UnhandledPromiseRejection",
            "loading shared libraries", "disposed object", "Array to string conversion", "access array offset",
            "strconv.", "]=>", "SpringEL"], RuntimeMessages),
        new(Kind, [".exceptions.", ".exc.", "java.", "javax.", "jakarta.", "_exception", "App\\", "No query results for model",
            "into Go ", "[Errno ", "HttpClient.Timeout", "given identifier exists", "not marked as ignorable", "type=value_error.", "type=type_error.", "Undefined index", "Undefined offset", "Undefined variable",
            "Undefined array key", "Undefined property", "Could not load ", "target of an invocation", "creating bean with name",
            "likely due to a transient failure", "instance of entity type", "Padding is invalid", "viewstate MAC",
            "potentially dangerous Request", "underlying connection was closed"], TypeMentions),
        new(Kind, ["ADODB.", "VBScript", "Active Server Pages error", "is undefined in ", "Uncaught exception '",
            "Could not find any entity of type", "ABAP runtime error", "AH00", "AH01", "AH02", "AH03"], LegacyPlatformMessages),
        new(Kind, ["com.", "org.", "net.", "github.com/"], ApplicationClasses),
        new(Kind, ["WRONGTYPE", "NOAUTH", "MISCONF", "READONLY You", "OOM command", "Redis is loading",
            "max number of clients", "SERVER_ERROR", "KeeperErrorCode", ":: caused by ::", "command {",
            "Plan executor error", "Error from server: code=", "Keyspace '", "at consistency ", "in vhost '", "ACCESS_REFUSED",
            "PRECONDITION_FAILED", "NOT_FOUND - no", "read-only / allow", "Data too large, data for", "(Service: ",
            "RoutingTable[", "resource not found: Table:", "HRESULT: 0x", "factory for component", "(Parameter '", "BEA-", "IJ0",
            "DFH", "IGZ", "CEE0", "CEE1", "CEE2", "CEE3", "Servlet.service()", "[FireDAC]", "secrets \"", "configmaps \"",
            "pods \"", "deployments \"", "registry access is not", "no such index [",
            "ERR unknown command", "CROSSSLOT", "EXECABORT", "ERR value is not", "fielddata", "_exception", "remaining name '"],
            InfrastructureMessages),
        new(Kind, ["Cannot invoke \"", "Cannot read field \"", "Cannot assign field \"", " array because", "array length because",
            "the return value of \"", "bounds for length", "with serial name",
            "request body to class", "lateinit property", "No converter", "deserialize value of type `", "construct instance of `",
            "service for type '", "attempting to activate", "disposed context",
            "ViewDataDictionary", "while fetching data (", "present in metadata", "Can't call method", "Can't use an undefined",
            "Not a HASH", "Not an ARRAY", " is undefined.", "] doesn't exist", "was not passed in",
            "not an object (evaluating '", "Cannot destructure", "reflect: call", "int() argument", "object cannot be interpreted",
            "unsupported operand", "has no len()", "object' has no attribute", "TemplateNotFound", "Attempt to read property",
            "Attempt to assign property", "() must be of", "(): Argument #", "can't convert nil", "no implicit conversion"],
            FrameworkMessages),
    ];

    // Each alternative starts at a literal and checks the name before it with a lookbehind: a leading [A-Za-z_$][\w$]*
    // would be tried at every letter. The qualified form is found from its last dot (the label after it is read once)
    // before the lookbehind reads the dotted name back; reading back from every "Error" would read "$.$.$.…" again each time.
    [GeneratedRegex(
        """
          \.[A-Z_$][\w$]*?(Exception|Error)\b                                      # java.lang.X, System.X, sqlite3.X; not a field "attempt.lastError"
          (?<=\b[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*?\.[A-Z_$][\w$]*(Exception|Error))
        | (Exception|Error)\b(?<=
            \b[A-Z][A-Za-z0-9]*(Exception|Error)                                         # NullReferenceException, TypeError
          | \b[A-Z]\w*((\\|\\\\)[A-Z]\w*)*(\\|\\\\)[A-Z]\w*(Exception|Error))              # Illuminate\Database\QueryException
        """,
        LeakRule.Options)]
    private static partial Regex TypeNames { get; }

    // Foo::Bar and std::x, found from the "::".
    // CloudFormation's resource types (AWS::S3::Bucket) are public names.
    [GeneratedRegex("""::(?<=\b[A-Z]\w*::)(?<!\bAWS::)(?<!\bAWS::\w{1,64}::)[A-Z]|::(?<=\bstd::)[a-z_]""", LeakRule.Options)]
    private static partial Regex Namespaced { get; }

    // A member of an application class named by its role: ItemController.Put, StudentServiceImpl.load,
    // StudentsController#show (Rails). The class is one CamelCase word ending in the role, so "Customer Service." and
    // host names (myservice.com) are not, nor a public endpoint (StudentService.svc); found from the role, the word read
    // back once. Not Repository or Factory: stack traces name Repository.cs on every frame, and their anchors woke the
    // guard there (+60 % on a 64 KiB yellow screen).
    [GeneratedRegex(
        """
        (Controller[.\#]|(Service|Impl|Dao|Servlet|Handler|Manager|Helper|Mapper|Facade)\.)
        (?<=\b[A-Z][A-Za-z0-9]*[a-z0-9](Controller[.\#]|(Service|Impl|Dao|Servlet|Handler|Manager|Helper|Mapper|Facade)\.))
        (?!(svc|asmx|wsdl|ashx|aspx|php|jsp|do|cfm|html?|json|xml|NET)\b)[A-Za-z_]   # not a public endpoint's file name
        """,
        LeakRule.Options)]
    private static partial Regex CodeMembers { get; }

    [GeneratedRegex(
        """\bE(NOENT|CONNREFUSED|CONNRESET|CONNABORTED|ACCES|ADDRINUSE|ADDRNOTAVAIL|TIMEDOUT|HOSTUNREACH|NETUNREACH|NOTFOUND|PIPE|PERM|AI_AGAIN|MFILE|ISDIR|NOTDIR|EXIST|NOTEMPTY)\b|\bcURL[ ]error[ ]\d+:""",
        LeakRule.Options)]
    private static partial Regex ErrorCodes { get; }

    // Application servers' message ids name the product and the failing component: JBoss/WildFly (JBWEB000065,
    // WFLYUT0021, RESTEASY003210) and WebSphere (SRVE0190E, CWWKE0701E, DSRA0010E).
    [GeneratedRegex(
        """
          \b(JBWEB|JBAS|RESTEASY)\d{6}:
        | \bWFLY[A-Z]{2,6}\d{4}:
        | \b(SRVE|CWWK[A-Z]|JSPG|DSRA|J2CA|WSVR|WTRN)\d{4}[EWI]:
        """,
        LeakRule.Options)]
    private static partial Regex ServerMessageIds { get; }

    [GeneratedRegex(
        """
          Object[ ]reference[ ]not[ ]set[ ]to[ ]an[ ]instance
        | Sequence[ ]contains[ ](no|more[ ]than[ ]one)[ ](matching[ ])?element
        | Index[ ]was[ ](outside[ ]the[ ]bounds|out[ ]of[ ]range)
        | Cannot[ ]read[ ]propert(y|ies)[ ]of[ ](undefined|null)
        | undefined(?<=\bundefined)[ ]method[ ][`'‘]
        | nil:NilClass\b(?<=\bnil:NilClass)
        | 'NoneType'[ ]object
        | object[ ]has[ ]no[ ]attribute[ ]'
        | list[ ]index[ ]out[ ]of[ ]range
        | nil[ ]pointer[ ](dereference|evaluating)
        | Unable[ ]to[ ]cast[ ]object[ ]of[ ]type
        | given[ ]key([ ]'[^'\r\n]{0,256}')?[ ]was[ ]not[ ]present[ ]in[ ]the[ ]dictionary
        | Specified[ ]cast[ ]is[ ]not[ ]valid
        | Nullable[ ]object[ ]must[ ]have[ ]a[ ]value
        | Collection[ ]was[ ]modified;[ ]enumeration[ ]operation
        | There[ ]is[ ]already[ ]an[ ]open[ ]DataReader
        | Input[ ]string[ ]was[ ]not[ ]in[ ]a[ ]correct[ ]format
        | For[ ]input[ ]string:[ ]"                                               # Java's NumberFormatException
        | \.(?<=\w\.)\w+[ ]is[ ]not[ ]a[ ]function\b
        | Maximum[ ]call[ ]stack[ ]size[ ]exceeded
        | Attempted[ ]to[ ]divide[ ]by[ ]zero
        | Value[ ]cannot[ ]be[ ]null\.\s*(\(Parameter|Parameter[ ]name)
        | Exception[ ]of[ ]type[ ]'
        | (threw|thrown)[ ]an[ ]exception\b(?<=\b(threw|thrown)[ ]an[ ]exception)
        | Allowed[ ]memory[ ]size[ ]of[ ]\d+[ ]bytes[ ]exhausted                # PHP fatal errors
        | Maximum[ ]execution[ ]time[ ]of[ ]\d+[ ]seconds?[ ]exceeded
        | Thread[ ]was[ ]being[ ]aborted                                       # .NET ThreadAbortException
        | PublicKeyToken=(null|[0-9a-fA-F]{16})\b                             # .NET assembly load failures
        | See[ ]the[ ]inner[ ]exception[ ]for[ ]details
        | Call[ ]to[ ](a[ ]member|undefined)[ ]function[ ]                     # PHP
        | of[ ]non-object\b
        | undefined[ ]local[ ]variable[ ]or[ ]method[ ]                         # Ruby, and its object inspect
        | \#<[A-Z][\w:]*:0x[0-9a-f]+
        | \bUnhandledPromiseRejection(Warning)?\b                                # Node's unhandled rejection
        | error[ ]while[ ]loading[ ]shared[ ]libraries:                           # the dynamic loader names the library
        | Cannot[ ]access[ ]a[ ]disposed[ ]object                                  # .NET: names the DbContext or stream
        | Array[ ]to[ ]string[ ]conversion|Trying[ ]to[ ]access[ ]array[ ]offset[ ]on   # PHP notices without their prefix
        | \]=>\s*(string|int|float|bool|array|object|NULL)\b                        # PHP's var_dump output
        | \bstrconv\.[A-Z]\w*:                                                     # Go's number parsing
        | Exception[ ]evaluating[ ]SpringEL                                      # Thymeleaf
        """,
        LeakRule.Options)]
    private static partial Regex RuntimeMessages { get; }

    // Types and runtime errors named without an Exception or Error suffix: Python's module.exceptions.Name, JDK and
    // Jakarta classes ("Failed to convert value of type 'java.lang.String'"), the messages in which Hibernate and Jackson
    // name an application class, pydantic's and Elasticsearch's error types, PHP application classes (App\Models\Student,
    // as Laravel's ModelNotFoundException names them), Go's decoder, Python's OSError, PHP notices, and .NET, Spring and
    // Entity Framework messages. A rule of its own: alternatives added to the rules above widen the characters their
    // searches start at (+30 % on a 1 KiB Java trace, measured with the PostgreSQL rule). Reverse-domain class names
    // (com.example.Student) are found through the messages that carry them: a bare "com." marker would wake on every
    // frame of a Java trace.
    [GeneratedRegex(
        """
          \.(exceptions|exc)\.[A-Z]\w*(?<=\b[a-z_]\w*(\.[a-z_]\w*)*\.(exceptions|exc)\.[A-Z]\w*)
        | \b(java|javax|jakarta)(\.[a-z_][a-z0-9_]{0,31}){1,8}\.[A-Z]              # bounded: no run is re-read from every start
        | No[ ]row[ ]with[ ]the[ ]given[ ]identifier[ ]exists                      # Hibernate and Jackson name the class
        | not[ ]marked[ ]as[ ]ignorable
        | \(type=(value|type)_error\.                                            # pydantic v1
        | _exception\b(?<=(\btype=|"type"[ ]?:[ ]?")[a-z]+_[a-z][a-z_]*_exception)     # Elasticsearch names it as a type
        | \bApp(\\|\\\\)[A-Z]\w*
        | No[ ]query[ ]results[ ]for[ ]model
        | \binto[ ]Go[ ](struct[ ]field|value[ ]of[ ]type)\b
        | \[Errno[ ]-?\d+\]
        | \bHttpClient\.Timeout\b
        | \bUndefined[ ]((index|offset|variable|property):[ ]|variable[ ]\$|array[ ]key[ ]["\d]|property:?[ ][\w\\]+::\$)   # PHP's own forms
        | Could[ ]not[ ]load[ ](file[ ]or[ ]assembly|type)[ ]'                   # .NET
        | thrown[ ]by[ ]the[ ]target[ ]of[ ]an[ ]invocation
        | Error[ ]creating[ ]bean[ ]with[ ]name[ ]'                              # Spring
        | likely[ ]due[ ]to[ ]a[ ]transient[ ]failure                              # Entity Framework Core
        | instance[ ]of[ ]entity[ ]type[ ]'
        | Padding[ ]is[ ]invalid[ ]and[ ]cannot[ ]be[ ]removed                     # ASP.NET
        | Validation[ ]of[ ]viewstate[ ]MAC[ ]failed
        | potentially[ ]dangerous[ ]Request\.
        | underlying[ ]connection[ ]was[ ]closed:
        """,
        LeakRule.Options)]
    private static partial Regex TypeMentions { get; }

    // The error texts of the platforms legacy backends still run on, which name the runtime and its internals: classic ASP
    // and ADO (error '800a0bcd'), ColdFusion ("Element STUDENTID is undefined in URL."), PHP 5's uncaught exceptions,
    // TypeORM, SAP ABAP short dumps, and Apache httpd's message ids (AH01114: … failed to make connection to backend).
    [GeneratedRegex(
        """
          \bADODB\.\w+[ ]error[ ]'
        | \bVBScript[ ](runtime|compilation)[ ]error\b
        | Active[ ]Server[ ]Pages[ ]error[ ]'
        | [ ]is[ ]undefined[ ]in[ ](URL|FORM|SESSION|VARIABLES|ARGUMENTS|APPLICATION|CGI|REQUEST|CLIENT|COOKIE|a[ ]Java[ ]object)\b(?<=\bElement[ ][\w.]{1,64}[ ]is[ ]undefined[ ]in[ ]\w+(?:[ ]Java[ ]object)?)
        | Uncaught[ ]exception[ ]'[\w\\]+'[ ]with[ ]message
        | Could[ ]not[ ]find[ ]any[ ]entity[ ]of[ ]type[ ]"
        | ABAP[ ]runtime[ ]error
        | \bAH0[0-3]\d{3}:
        """,
        LeakRule.Options)]
    private static partial Regex LegacyPlatformMessages { get; }

    // An application's own classes by their reverse-domain names (Hibernate's "could not initialize proxy
    // [com.acme.sis.domain.Section#7]", Jackson's "class com.acme.sis.EnrollmentRequest"), and Go's package-qualified
    // types (github.com/acme/sis/models.Student). A name after a dot is a host name (acme.com.au), a package without a
    // class (org.apache.commons) names a library, one package and a name (com.acme.SchoolApp) is a mobile app's id, and a
    // capitalised last segment is a repository (github.com/dotnet/AspNetCore.Docs).
    [GeneratedRegex(
        """
          (?<![\w.])(com|org|net)(\.[a-z_][a-z0-9_]{0,31}){2,8}\.[A-Z]              # two packages: an app id (com.acme.SchoolApp) has one
        | (?<![\w.])github\.com(/[\w-]{1,64}){1,7}/[a-z][a-z0-9_]{0,63}\.[A-Z]\w*\b(?!\.\w)   # a Go package is lower case
        """,
        LeakRule.Options)]
    private static partial Regex ApplicationClasses { get; }

    // The errors of the services behind a backend, which name them and their settings: Redis, Memcached, ZooKeeper,
    // MongoDB, Cassandra, RabbitMQ, Elasticsearch, Neo4j, the AWS SDK's error dump, and the message ids of WebLogic,
    // IronJacamar, CICS, COBOL and Language Environment; Windows' HRESULT and COM texts, .NET's "(Parameter 'x')",
    // Tomcat's servlet log line and Delphi's FireDAC; Redis' transaction and type errors, Elasticsearch's error types as
    // its clients print them ("[parsing_exception] …", "search_phase_execution_exception: …"), and JNDI's LDAP errors
    // ("remaining name 'uid=jdoe,ou=people'").
    [GeneratedRegex(
        """
          \bWRONGTYPE[ ]Operation\b
        | \bNOAUTH[ ]Authentication[ ]required
        | \bMISCONF[ ]Redis\b
        | \bREADONLY[ ]You[ ]can't[ ]write
        | \bOOM[ ]command[ ]not[ ]allowed
        | \bLOADING[ ]Redis[ ]is[ ]loading
        | \bERR[ ]max[ ]number[ ]of[ ]clients
        | \bSERVER_ERROR[ ][a-z]
        | \bKeeperErrorCode[ ]=
        | [ ]::[ ]caused[ ]by[ ]::[ ]
        | \bto[ ]execute[ ]command[ ]\{
        | Plan[ ]executor[ ]error
        | Error[ ]from[ ]server:[ ]code=
        | \bKeyspace[ ]'\w{1,64}'[ ]does[ ]not[ ]exist
        | \bat[ ]consistency[ ](LOCAL_|EACH_)?(ONE|TWO|THREE|QUORUM|ALL|SERIAL)\b
        | [ ]in[ ]vhost[ ]'
        | \bACCESS_REFUSED[ ]-[ ](Login[ ]was[ ]refused|access[ ]to[ ](queue|exchange|vhost))
        | \bPRECONDITION_FAILED[ ]-[ ](inequivalent[ ]arg|unknown[ ]delivery[ ]tag)
        | \bNOT_FOUND[ ]-[ ]no[ ](queue|exchange)\b
        | index[ ]read-only[ ]/[ ]allow[ ]delete
        | Data[ ]too[ ]large,[ ]data[ ]for[ ]\[
        | \bERR[ ]unknown[ ]command[ ]'|\bCROSSSLOT[ ]Keys\b                           # Redis
        | \bno[ ]such[ ]index[ ]\[                                                    # Elasticsearch's index_not_found_exception
        | \(Service:[ ][A-Z][\w ]{0,63};[ ]Status[ ]Code:
        | \bRoutingTable\[
        | Requested[ ]resource[ ]not[ ]found:[ ]Table:
        | \bHRESULT:[ ]0x[0-9A-Fa-f]{8}
        | COM[ ]class[ ]factory[ ]for[ ]component[ ]with[ ]CLSID
        | \(Parameter[ ]'\w{1,64}'\)
        | <BEA-\d{6}>|\bBEA-\d{6}[ ]\[|\[BEA-\d{6}\]                               # not a SKU "BEA-102938"
        | \bIJ\d{6}:[ ](?=[^\r\n]{0,160}(java:|jboss|managed[ ]connection|datasource|[Pp]ool))
        | \bDFH[A-Z]{2}\d{4}[ ](\d{2}:\d{2}:\d{2}|[A-Z][A-Z0-9]{3,7}\b)                 # then the time or the region
        | \bIGZ\d{4}[IWESC]\b                                                          # a severity, not a course "CEE3200L"
        | \bCEE[0-3]\d{3}[IWESC]\b
        | \bServlet\.service\(\)[ ]for[ ]servlet
        | \[FireDAC\]
        | \b(secrets|configmaps|pods|deployments)[ ]"[a-z0-9][a-z0-9.-]{0,252}"[ ](not[ ]found|is[ ]forbidden|already[ ]exists)   # Kubernetes names are lower case
        | Requested[ ]registry[ ]access[ ]is[ ]not[ ]allowed
        | \bEXECABORT[ ]Transaction|\bERR[ ]value[ ]is[ ]not[ ]an?[ ](integer|valid[ ]float)                      # Redis
        | \bfielddata=true\b|\bFielddata[ ]is[ ]disabled                                                       # Elasticsearch
        | _exception\b(?<=\b(search_phase_execution|index_not_found|parsing|illegal_argument|mapper_parsing|version_conflict_engine|resource_already_exists|document_missing|query_shard|x_content_parse|action_request_validation|cluster_block|circuit_breaking|es_rejected_execution|strict_dynamic_mapping|illegal_state|script)_exception)
        | remaining[ ]name[ ]'                                                                                 # JNDI's LDAP errors
        """,
        LeakRule.Options)]
    private static partial Regex InfrastructureMessages { get; }

    // Runtime and framework messages that name the code without an exception type: Java's helpful NullPointerException
    // ("Cannot invoke \"sis.model.Student.getGrade()\" because \"student\" is null") and array bounds, kotlinx.serialization,
    // Ktor, Spring, Jackson with an application class, .NET's dependency injection, Entity Framework and MVC, graphql-java,
    // Kafka's producer, Perl, ColdFusion and Lucee, JavaScriptCore (Bun, Safari) and V8, Go's reflect, Python's
    // TypeErrors and Jinja's undefined attributes, PHP 8's warnings and type errors, and Ruby's TypeErrors.
    [GeneratedRegex(
        """
          Cannot[ ]invoke[ ]"[\w$.]{1,256}\(
        | Cannot[ ](read|assign)[ ]field[ ]"
        | Cannot[ ](load[ ]from|store[ ]to)[ ](int|long|short|byte|char|float|double|boolean|object)[ ]array[ ]because
        | Cannot[ ]read[ ]the[ ]array[ ]length[ ]because
        | because[ ]the[ ]return[ ]value[ ]of[ ]"[\w$.]{1,256}\(
        | Index[ ]-?\d{1,10}[ ]out[ ]of[ ]bounds[ ]for[ ]length[ ]\d
        | for[ ]type[ ]with[ ]serial[ ]name[ ]'
        | request[ ]body[ ]to[ ]class[ ][a-z]
        | lateinit[ ]property[ ]\w{1,64}[ ]has[ ]not[ ]been[ ]initialized
        | No[ ]converter[ ](found[ ])?for[ ](return[ ]value[ ]of[ ]type:[ ])?\[?class[ ]
        | (deserialize[ ]value[ ]of[ ]type|construct[ ]instance[ ]of)[ ]`[a-z][\w$]{0,63}(\.[\w$]{1,64}){1,8}`   # an application class
        | No[ ]service[ ]for[ ]type[ ]'
        | Unable[ ]to[ ]resolve[ ]service[ ]for[ ]type[ ]'
        | while[ ]attempting[ ]to[ ]activate[ ]'
        | Cannot[ ]access[ ]a[ ]disposed[ ]context[ ]instance
        | passed[ ]into[ ]the[ ]ViewDataDictionary
        | Exception[ ]while[ ]fetching[ ]data[ ]\(
        | not[ ]present[ ]in[ ]metadata[ ]after[ ]\d
        | Can't[ ]call[ ]method[ ]"[^"\r\n]{1,64}"[ ](on[ ]an[ ]undefined[ ]value|on[ ]unblessed[ ]reference|without[ ]a[ ]package)
        | Can't[ ]use[ ]an[ ]undefined[ ]value[ ]as[ ]an?[ ][A-Z]{4,6}[ ]reference
        | Not[ ]a[ ]HASH[ ]reference|Not[ ]an[ ]ARRAY[ ]reference
        | Variable[ ][A-Z][A-Z0-9_.]{1,63}[ ]is[ ]undefined\.                        # ColdFusion writes the name in capitals
        | key[ ]\[[A-Z0-9_]{1,64}\][ ]doesn't[ ]exist                               # Lucee
        | parameter[ ]to[ ]the[ ]\w{1,64}[ ]function[ ]is[ ]required[ ]but[ ]was[ ]not[ ]passed[ ]in
        | is[ ]not[ ]an[ ]object[ ]\(evaluating[ ]'
        | Cannot[ ]destructure[ ]property[ ]'
        | \breflect:[ ]call[ ]of[ ]reflect\.
        | int\(\)[ ]argument[ ]must[ ]be[ ]a[ ]string
        | '\w{1,64}'[ ]object[ ]cannot[ ]be[ ]interpreted[ ]as
        | unsupported[ ]operand[ ]type\(s\)[ ]for
        | object[ ]of[ ]type[ ]'\w{1,64}'[ ]has[ ]no[ ]len\(\)
        | '\w{1,64}[ ]object'[ ]has[ ]no[ ]attribute[ ]'
        | \bTemplateNotFound\b
        | Attempt[ ]to[ ](read|assign)[ ]property[ ]"
        | (?<=\w)\(\)[ ]must[ ]be[ ]of[ ](the[ ])?type[ ]
        | (?<=\w)\(\):[ ]Argument[ ]\#\d
        | can't[ ]convert[ ]nil[ ]into[ ][A-Z]
        | no[ ]implicit[ ]conversion[ ]of[ ]\w{1,32}[ ]into[ ][A-Z]
        """,
        LeakRule.Options)]
    private static partial Regex FrameworkMessages { get; }
}
