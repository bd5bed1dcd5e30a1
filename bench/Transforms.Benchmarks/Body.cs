namespace Transforms.Benchmarks;

/// <summary>The body shapes measured: three clean error bodies and three leaky ones.</summary>
public enum Body
{
    /// <summary>An ASP.NET Core validation problem (400, application/problem+json) with many field errors.</summary>
    CleanJson,

    /// <summary>A 404 HTML page with links and no leak.</summary>
    CleanHtml,

    /// <summary>A plain-text 503 maintenance notice.</summary>
    CleanText,

    /// <summary>The 404 page in French, as an unescaped page reads: accents, no-break spaces, dashes, curly quotes (UTF-8).</summary>
    CleanHtmlUnicode,

    /// <summary>An ASP.NET yellow screen of death (500, text/html) with a deep stack trace.</summary>
    LeakyYellowScreen,

    /// <summary>A Java exception with a deep trace as text/plain (Tomcat/Spring style).</summary>
    LeakyJavaTrace,

    /// <summary>A Laravel debug JSON answer: SQLSTATE message, exception type, file paths and a long trace array.</summary>
    LeakySqlError,
}
