using System.Buffers;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>The rule table, and the union of all markers for the fast path over clean text.</summary>
internal static class LeakRules
{
    public static LeakRule[] All { get; } =
    [
        new(LeakKinds.DebugPage, DebugPagePatterns.Markers, DebugPagePatterns.Pattern),
        new(LeakKinds.StackTrace, StackTracePatterns.Markers, StackTracePatterns.Pattern),
        new(LeakKinds.SqlError, SqlErrorPatterns.Markers, SqlErrorPatterns.Pattern),
        new(LeakKinds.FilePath, FilePathPatterns.Markers, FilePathPatterns.Pattern),
        new(LeakKinds.ConnectionString, ConnectionStringPatterns.Markers, ConnectionStringPatterns.Pattern),
        new(LeakKinds.InternalHost, InternalHostPatterns.Markers, InternalHostPatterns.Pattern),
        new(LeakKinds.ExceptionType, ExceptionTypePatterns.Markers, ExceptionTypePatterns.Pattern),
    ];

    /// <summary>Every marker of every rule: text that contains none of them is clean without running a regex.</summary>
    public static SearchValues<string> AnyMarker { get; } = SearchValues.Create(
        [
            .. DebugPagePatterns.MarkerList,
            .. StackTracePatterns.MarkerList,
            .. SqlErrorPatterns.MarkerList,
            .. FilePathPatterns.MarkerList,
            .. ConnectionStringPatterns.MarkerList,
            .. InternalHostPatterns.MarkerList,
            .. ExceptionTypePatterns.MarkerList,
        ],
        StringComparison.OrdinalIgnoreCase);
}
