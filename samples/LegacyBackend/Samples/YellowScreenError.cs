namespace LegacyBackend.Samples;

/// <summary>What an ASP.NET "yellow screen of death" shows: the exception, its stack and optionally the source around it.</summary>
internal sealed record YellowScreenError(string ExceptionType, string Message, string StackTrace, SourceExcerpt? Source = null);

/// <summary>Source lines as ASP.NET prints them under "Source Error:", with <see cref="ErrorLine"/> in red.</summary>
internal sealed record SourceExcerpt(string FilePath, int FirstLine, int ErrorLine, string Code);
