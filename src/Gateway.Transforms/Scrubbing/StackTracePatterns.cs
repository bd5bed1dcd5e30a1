using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>Stack frames and debug output of the usual runtimes, raw, HTML-encoded or JSON-escaped.</summary>
internal static partial class StackTracePatterns
{
    private const LeakKinds Kind = LeakKinds.StackTrace;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, [".java:", ".kt:", ".kts:", ".scala:", ".groovy:", ".clj:", "Native Method", "Unknown Source", "Caused by: ", "... ", "Exception in thread"], Jvm),
        new(Kind, ["at "], Frame, MarkerGuards.Frame),
        new(Kind, [":line ", "--- End of", "---> ", ") +"], DotNet),
        new(Kind, ["Traceback (most recent", ", line "], Python),
        new(Kind, [".js:", ".mjs:", ".cjs:", ".ts:", ".mts:", ".cts:", ".jsx:", ".tsx:", "(node:"], Node),
        new(Kind, [".php", "Stack trace:", "{main}", "Fatal error", "Parse error", "PHP "], Php),
        new(Kind, [".rb:", "goroutine ", ".go:", "panic: ", "panic serving", "runtime error: "], RubyGo),
        new(Kind, ["panicked at", ".rs:"], Rust),
        new(Kind, ["stacktrace\"", "stack_trace\"", "backtrace\"", "exceptionmessage\"", "exception_message\"", "exceptiontype\"", "exception_type\"", "innerexception\"", "inner_exception\""], DumpFields),
        new(Kind, [".pm line ", ".pl line ", ".cgi line ", ".psgi line ", ".ex:", ".exs:", "** (", "** exception ", " REPORT====",
            "{file,\"", "in do_boot", "HasCallStack", ".hs:", "Non-exhaustive patterns", "Prelude.", "fromJust: Nothing", ".swift:",
            "in file \"", "Fatal error: exception ", "a nil value", "subtype of type '", "clojure.lang.",
            "Wrong number of args (", "stack smashing detected", "::unwrap()` on", "(os error ", " at 0x",
            "Access violation at address"], MoreRuntimes),
        new(Kind, ["{badmatch", "{case_clause", "{function_clause", "{if_clause", "{try_clause", "{badarg", "{badarith",
            "{badkey", "{badmap", "{noproc", "{bad_return_value", "{undef,", ".erl, line ", ".erl:", "no function clause matching",
            "not found in: %{", ".lua:", "attempt to compare", "RUST_BACKTRACE=", "Os { code:", ".twig\"", "(template:",
            "[in template \"", "ejs:", "Unable to find template"], CrashTerms),
    ];

    [GeneratedRegex(
        """
          (?<=[\w$])\.(java|kt|kts|scala|groovy|clj):\d+\)
        | (?<=[\w$])\((Native[ ]Method|Unknown[ ]Source)\)                      # not "channel (Unknown Source)"
        | Caused[ ]by:[ ][\w$]+\.[\w$]                                     # a qualified name: one dot is enough
        | (?<=^|\t|\\t|\n|\\n|[ ]{2}|;|:[ ])\.\.\.[ ]\d+[ ](more|common[ ]frames[ ]omitted)\b(?![ ]?[A-Za-z])
        | Exception[ ]in[ ]thread[ ]
        """,
        LeakRule.Options)]
    private static partial Regex Jvm { get; }

    // "at Ns.Type.Method(args)" in Java, .NET and Node; "\tat" and "&nbsp;at" too. A name starts as code names do (not
    // "at 9.30 (local time)"), and a space before the parenthesis is Node's, whose parenthesis holds a location: "at
    // items[0].price (must be positive)" and "at status.example.com (updated hourly)" are prose.
    [GeneratedRegex(
        """(\b|\\[tn])at[ ](async[ ]|new[ ])?(?![\d\[\]])[\w$`<>\[\]]+(\.[\w$`<>\[\]|]+)+([ ]\[as[ ][\w$]+\])?(\([^()\r\n]*\)|[ ]\((?=[^()\r\n]*(:\d|<anonymous>|\bindex[ ]\d|\bnative\b))[^()\r\n]*\))""",
        LeakRule.Options)]
    private static partial Regex Frame { get; }

    [GeneratedRegex(
        """
          \.(cs|vb|fs|cshtml|razor|aspx|ascx):line[ ]\d+
        | ---[ ]End[ ]of[ ](inner[ ]exception[ ])?stack[ ]trace
        | (?<!\S)--->[ ]
        | (?<=\.\w[\w`<>\[\]]{0,255})\([^()\r\n]*\)[ ]\+\d+\b                  # yellow-screen frame "Type.Method(args) +123", not "Phone(UK) +44"
        """,
        LeakRule.Options)]
    private static partial Regex DotNet { get; }

    [GeneratedRegex(
        """
          Traceback[ ]\(most[ ]recent[ ]call[ ]last\)
        | File[ ](\\?"|&quot;|&\#34;)[^"\r\n]+(\\?"|&quot;|&\#34;),[ ]line[ ]\d+(?=,[ ]in[ ])          # a frame names its function
        | File[ ](\\?"|&quot;|&\#34;)[^"\r\n]*(\.pyx?|<[a-z]+>)(\\?"|&quot;|&\#34;),[ ]line[ ]\d+   # a syntax error its file; not "roster.csv"
        """,
        LeakRule.Options)]
    private static partial Regex Python { get; }

    [GeneratedRegex(
        """
          \.(js|mjs|cjs|ts|mts|cts|jsx|tsx):\d+:\d+
        | \(node:[\w/]+(:\d+)+\)
        """,
        LeakRule.Options)]
    private static partial Regex Node { get; }

    [GeneratedRegex(
        """
          \.php(</b>)?(:\d+|\(\d+\)|[ ]on[ ]line\b)
        | Stack[ ]trace:(\s|<br[ ]?/?>|\\n)*\#0
        | \#\d+[ ]\{main\}
        | (Fatal|Parse)[ ]error(</b>)?:\s*(</b>\s*)?(Uncaught|syntax[ ]error,)
        | PHP[ ](Fatal[ ]error|Parse[ ]error|Warning|Notice|Stack[ ]trace)
        """,
        LeakRule.Options)]
    private static partial Regex Php { get; }

    [GeneratedRegex(
        """
          \.rb:\d+:in[ ][`'‘]
        | goroutine[ ]\d+[ ]\[[\w ,]+\]:
        | \.go:\d+\b
        | (^|[\n";]|:[ ]|\\n)panic:[ ]|\bhttp:[ ]panic[ ]serving                # also as a list item: "debug: panic: …"
        | runtime[ ]error:[ ](invalid[ ]memory[ ]address|index[ ]out[ ]of[ ]range|slice[ ]bounds|integer[ ]divide|nil[ ]map)
        """,
        LeakRule.Options)]
    private static partial Regex RubyGo { get; }

    // Exception dumps as JSON (ASP.NET Web API, Spring, home-grown): the member names say it all.
    [GeneratedRegex(
        """\x22(StackTrace|stackTrace|stack_trace|backtrace|Backtrace|ExceptionMessage|exceptionMessage|exception_message|ExceptionType|exceptionType|exception_type|InnerException|innerException|inner_exception)\x22\s*:\s*(\x22[^\x22]|\[|\{)""",
        LeakRule.Options)]
    private static partial Regex DumpFields { get; }

    // Rust: "thread 'main' panicked at src/main.rs:10:5" (and the older "panicked at '…', src/main.rs:10:5").
    // eyre's report gives the location without a column ("Location:\n   src/api/grades.rs:57").
    [GeneratedRegex("""\bpanicked[ ]at[ ](?='|[\w/.-]{1,256}\.rs:\d)|\.rs:\d+(:\d+)?\b(?<=\b[\w/-]+\.rs:\d+(:\d+)?)""", LeakRule.Options)]
    private static partial Regex Rust { get; }

    // The crash output of the runtimes the rules above do not name: Perl's "at lib/Sis.pm line 22.", Elixir's and Erlang's
    // reports and frames, Haskell's, Swift's, OCaml's, Lua's, Dart's, Clojure's, Rust's unwrap and OS errors, glibc's
    // abort, Python's object repr with its address, and Delphi's access violation.
    [GeneratedRegex(
        """
          (?<=\w)\.(pm|pl|cgi|psgi)[ ]line[ ]\d+
        | (?<=\w)\.exs?:\d+:[ ]
        | \*\*[ ]\(([A-Z]\w{0,63}(\.[A-Z]\w{0,63}){1,8}|[A-Z]\w{0,63}Error|exit|throw|EXIT)\)[ ]      # not "** (required)"
        | \*\*[ ]exception[ ](error|exit|throw):
        | =(ERROR|CRASH|SUPERVISOR)[ ]REPORT====
        | \{file,"[^"\r\n]{1,256}"\},?[ ]?\{line,\d+\}
        | init[ ]terminating[ ]in[ ]do_boot
        | CallStack[ ]\(from[ ]HasCallStack\)
        | (?<=\w)\.hs:\(?\d+[,:]\d+
        | Non-exhaustive[ ]patterns[ ]in\b
        | \bPrelude\.(head|tail|!!|read|undefined|init|last|maximum|minimum|foldr1|chr|fromJust)\b
        | Maybe\.fromJust:[ ]Nothing
        | (?<=\w)\.swift:\d+:[ ]Fatal[ ]error
        | Raised[ ]at[ ][\w.]{1,128}[ ]in[ ]file[ ]"
        | Fatal[ ]error:[ ]exception[ ][A-Z]
        | attempt[ ]to[ ](index|call|perform[ ]arithmetic[ ]on|concatenate)[ ](a[ ]nil[ ]value|(method|field|local|global|upvalue)[ ]'[^'\r\n]{1,64}'[ ]\(a[ ]nil[ ]value\))   # Lua 5.1 names the variable first
        | is[ ]not[ ]a[ ]subtype[ ]of[ ]type[ ]'
        | \bclojure\.lang\.[A-Z]
        | Wrong[ ]number[ ]of[ ]args[ ]\(\d+\)[ ]passed[ ]to:
        | stack[ ]smashing[ ]detected
        | called[ ]`(Result|Option)::unwrap\(\)`[ ]on[ ]an?[ ]`(Err|None)`[ ]value
        | \(os[ ]error[ ]\d+\)
        | [ ]at[ ]0x[0-9a-f]{6,16}>(?<=<[\w.]{1,128}([ ]object)?[ ]at[ ]0x[0-9a-f]{6,16}>)
        | Access[ ]violation[ ]at[ ]address[ ][0-9A-F]{8}
        """,
        LeakRule.Options)]
    private static partial Regex MoreRuntimes { get; }

    // Crash output without a frame line: Erlang's error terms ({badmatch,…}) and shell reports ("(src/x.erl, line 33)"),
    // Elixir's KeyError ("key :grade not found in: %{…}"), Lua's file:line prefix and comparisons, Rust's backtrace hint
    // and the Debug form of its io::Error; and template engines, which name the template file and line: Twig ("in
    // \"roster/show.html.twig\" at line 12"), Thymeleaf ("(template: \"roster\" - line 22"), FreeMarker ("[in template
    // \"roster.ftl\" at line 14"), EJS ("ejs:12") and Symfony's loader.
    [GeneratedRegex(
        """
          \{(badmatch|case_clause|function_clause|if_clause|try_clause|badarg|badarith|badkey|badmap|noproc|bad_return_value)[,}]
        | \{undef,
        | (?<=\w)\.erl(,[ ]line[ ]|:)\d
        | no[ ]function[ ]clause[ ]matching\b
        | not[ ]found[ ]in:[ ]%\{
        | (?<=\w)\.lua:\d+:
        | attempt[ ]to[ ]compare[ ]((number|nil|string|table|boolean|userdata)[ ]with[ ](number|nil|string|table|boolean|userdata)\b|two[ ](number|nil|string|table|boolean|userdata)[ ]values)
        | RUST_BACKTRACE=
        | \bOs[ ]\{[ ]code:[ ]-?\d+,[ ]kind:[ ]
        | \.twig"(?<="[\w/.@-]{1,256}\.twig")
        | \(template:[ ]("[^"\r\n]{1,256}"[ ]-[ ]line[ ]\d|"class[ ]path[ ]resource[ ]\[)     # not "(template: \"Welcome\")"
        | \[in[ ]template[ ]"[^"\r\n]{1,256}"[ ]at[ ]line[ ]\d
        | \bejs:\d+
        | Unable[ ]to[ ]find[ ]template[ ]"[^"\r\n]{1,256}"[ ]\(looked[ ]into:
        """,
        LeakRule.Options)]
    private static partial Regex CrashTerms { get; }
}
