using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>Developer error pages of web frameworks and servers; they are debug output even where no frame shows.</summary>
internal static partial class DebugPagePatterns
{
    private const LeakKinds Kind = LeakKinds.DebugPage;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, ["Server Error in", "unhandled exception", "Version Information", "stackpage", "DEBUG", "Django Version",
            "Werkzeug", "debugger caught", "__debugger__", "Whoops", "PrettyPageHandler", "ignition", "window.ignite",
            "Symfony", "sf-dump", "sf-toolbar", "Action Controller: Exception", "Rails.root:", "Whitelabel Error Page",
            "Exception Report", "Detailed Error", "xdebug", "(development mode)"], Pages),
        new(Kind, ["<title>"], DebugTitle, MarkerGuards.DebugTitle),
    ];

    [GeneratedRegex(
        """
          Server[ ]Error[ ]in[ ]'[^'\r\n]*'[ ]Application                      # ASP.NET yellow screen
        | An[ ]unhandled[ ]exception[ ](has[ ])?occurred[ ](while[ ]processing[ ]the[ ]request|during[ ]the[ ]execution[ ]of[ ]the[ ]current[ ]web[ ]request)
        | Version[ ]Information:\s*(</b>)?(\s|&nbsp;)*Microsoft[ ]\.NET
        | \bid="stackpage"                                                     # ASP.NET Core developer page
        | seeing[ ]this[ ]error[ ]because[ ]you[ ]have\s*(<code>)?\s*DEBUG\s*=\s*True     # Django
        | \bDjango[ ]Version:
        | Werkzeug[ ]Debugger|The[ ]debugger[ ]caught[ ]an[ ]exception|\bwerkzeug\.debug\b|__debugger__
        | \bWhoops(\\|\\\\)(Run|Handler|Exception)|PrettyPageHandler|Whoops![ ]There[ ]was[ ]an[ ]error\.(?![ ]?\w)
        | \b(facade|spatie)/(laravel-)?ignition\b|window\.ignite|\bIgnition(\\|\\\\)
        | Symfony(\\|\\\\)Component(\\|\\\\)(ErrorHandler|Debug)|\bsf-dump\b|\bsf-toolbar
        | Action[ ]Controller:[ ]Exception[ ]caught|Rails\.root:
        | Whitelabel[ ]Error[ ]Page                                            # Spring Boot
        | \b[Tt]ype(</b>)?[ ]Exception[ ][Rr]eport\b                            # Tomcat; not "the Exception Report for May"
        | Detailed[ ]Error[ ]Information|\bIIS[ ][\d.]+[ ]Detailed[ ]Error
        | \bxdebug-error\b|\bXdebug\b
        | (Page[ ]not[ ]found|Server[ ]error)[ ]\(development[ ]mode\)           # Mojolicious
        """,
        LeakRule.Options)]
    private static partial Regex Pages { get; }

    // Django and Flask debug pages title themselves "KeyError at /students/12".
    [GeneratedRegex("""<title>[^<\r\n]*(Exception|Error)[ ]at[ ]/""", LeakRule.Options)]
    private static partial Regex DebugTitle { get; }
}
