using System.Buffers;
using System.Text.RegularExpressions;

namespace Gateway.Transforms.Scrubbing;

/// <summary>Stack frames and debug output of the usual runtimes, raw or JSON-escaped.</summary>
internal static partial class StackTracePatterns
{
    // Every alternative of Pattern contains at least one of these (compared ignoring case).
    public static readonly string[] MarkerList =
    [
        ".java:", ".kt:", ".kts:", ".scala:", ".groovy:", ".clj:", "Native Method", "Unknown Source", "Caused by: ",
        "... ", "Exception in thread", ":line ", "--- End of", "---> ", "at ", ") +",
        "Traceback (most recent", ", line ",
        ".js:", ".mjs:", ".cjs:", ".ts:", ".mts:", ".cts:", ".jsx:", ".tsx:", "node:internal/",
        ".php", "Stack trace:", "{main}", "Fatal error:", "Parse error:", "PHP ",
        ".rb:", "goroutine ", ".go:", "panic: ", "runtime error: ",
        "stacktrace\"", "stack_trace\"", "backtrace\"", "exceptionmessage\"", "exception_message\"",
        "exceptiontype\"", "exception_type\"", "innerexception\"", "inner_exception\"",
    ];

    public static readonly SearchValues<string> Markers = SearchValues.Create(MarkerList, StringComparison.OrdinalIgnoreCase);

    // Frames may sit in raw text, in HTML (&nbsp;at, &quot;) or in JSON strings (\tat, \n, \").
    [GeneratedRegex(
        """
          [\w$]\.(java|kt|kts|scala|groovy|clj):\d+\)                       # Java/Kotlin/Scala frame with file:line
        | \((Native[ ]Method|Unknown[ ]Source)\)
        | Caused[ ]by:[ ][\w$]+(\.[\w$]+)+
        | (^|\t|\\t|\n|\\n|[ ]{2}|;)\.\.\.[ ]\d+[ ](more|common[ ]frames[ ]omitted)\b
        | Exception[ ]in[ ]thread[ ]
        | \.(cs|vb|fs|cshtml|razor|aspx|ascx):line[ ]\d+                   # .NET frame with file:line
        | ---[ ]End[ ]of[ ](inner[ ]exception[ ])?stack[ ]trace
        | (^|\s)--->[ ]
        | (\b|\\[tn])at[ ](async[ ])?[\w$`<>\[\]]+(\.[\w$`<>\[\]|]+)+[ ]?\([^()\r\n]*\)   # "at Ns.Type.Method(args)"
        | [\w`>\]]\([^()\r\n]*\)[ ]\+\d+\b                                 # yellow-screen frame "Method(args) +123"
        | Traceback[ ]\(most[ ]recent[ ]call[ ]last\)
        | File[ ](\\?"|&quot;|&\#34;)[^"\r\n]+(\\?"|&quot;|&\#34;),[ ]line[ ]\d+
        | \.(js|mjs|cjs|ts|mts|cts|jsx|tsx):\d+:\d+                        # Node frame
        | \(node:internal/
        | \.php(</b>)?(:\d+|\(\d+\)|[ ]on[ ]line\b)
        | Stack[ ]trace:(\s|<br[ ]?/?>|\\n)*\#0
        | \#\d+[ ]\{main\}
        | (Fatal|Parse)[ ]error:\s*(</b>\s*)?(Uncaught|syntax[ ]error)
        | PHP[ ](Fatal[ ]error|Parse[ ]error|Warning|Notice|Stack[ ]trace)
        | \.rb:\d+:in[ ][`'‘]                                               # Ruby frame
        | goroutine[ ]\d+[ ]\[[\w ,]+\]:                                    # Go
        | \.go:\d+\b
        | (^|[\n"]|\\n)panic:[ ]
        | runtime[ ]error:[ ](invalid[ ]memory[ ]address|index[ ]out[ ]of[ ]range|slice[ ]bounds|integer[ ]divide|nil[ ]map)
        | "(StackTrace|stackTrace|stack_trace|backtrace|Backtrace|ExceptionMessage|exceptionMessage|exception_message|ExceptionType|exceptionType|exception_type|InnerException|innerException|inner_exception)"\s*:\s*("[^"]|\[|\{)
        """,
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex Pattern { get; }
}
