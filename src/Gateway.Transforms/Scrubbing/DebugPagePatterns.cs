using System.Buffers;
using System.Text.RegularExpressions;

namespace Gateway.Transforms.Scrubbing;

/// <summary>Developer error pages of web frameworks and servers; they are debug output even where no frame shows.</summary>
internal static partial class DebugPagePatterns
{
    // Every alternative of Pattern contains at least one of these (compared ignoring case).
    public static readonly string[] MarkerList =
    [
        "Server Error in", "unhandled exception", "Version Information", "DEBUG", "Django Version", "Werkzeug",
        "debugger caught", "__debugger__", "Whoops", "PrettyPageHandler", "ignition", "window.ignite", "Symfony",
        "sf-dump", "sf-toolbar", "Action Controller: Exception", "Rails.root:", "Whitelabel Error Page",
        "Exception Report", "Detailed Error", "xdebug", "<title>", "panic serving", "stackpage",
    ];

    public static readonly SearchValues<string> Markers = SearchValues.Create(MarkerList, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(
        """
          Server[ ]Error[ ]in[ ]'[^'\r\n]*'[ ]Application                      # ASP.NET yellow screen
        | An[ ]unhandled[ ]exception[ ](has[ ])?occurred[ ](while[ ]processing[ ]the[ ]request|during[ ]the[ ]execution[ ]of[ ]the[ ]current[ ]web[ ]request)
        | Version[ ]Information:\s*(</b>\s*)?Microsoft[ ]\.NET
        | \bid="stackpage"
        | seeing[ ]this[ ]error[ ]because[ ]you[ ]have\s*(<code>)?\s*DEBUG\s*=\s*True     # Django
        | \bDjango[ ]Version:
        | Werkzeug[ ]Debugger|The[ ]debugger[ ]caught[ ]an[ ]exception|\bwerkzeug\.debug\b|__debugger__
        | \bWhoops(\\|\\\\)(Run|Handler|Exception)|PrettyPageHandler|Whoops![ ]There[ ]was[ ]an[ ]error
        | \b(facade|spatie)/(laravel-)?ignition\b|window\.ignite|\bIgnition(\\|\\\\)
        | Symfony(\\|\\\\)Component(\\|\\\\)(ErrorHandler|Debug)|\bsf-dump\b|\bsf-toolbar
        | Action[ ]Controller:[ ]Exception[ ]caught|Rails\.root:
        | Whitelabel[ ]Error[ ]Page                                            # Spring Boot
        | \bException[ ]Report\b                                               # Tomcat
        | Detailed[ ]Error[ ]Information|\bIIS[ ][\d.]+[ ]Detailed[ ]Error
        | \bxdebug-error\b|\bXdebug\b
        | <title>[^<\r\n]*(Exception|Error)[ ]at[ ]/                            # Django/Flask debug title "KeyError at /x"
        | \bnet/http:[ ]panic[ ]serving
        """,
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex Pattern { get; }
}
