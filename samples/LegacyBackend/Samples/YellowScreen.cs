using System.Net;
using System.Text;

namespace LegacyBackend.Samples;

/// <summary>Renders ASP.NET 4 "Server Error in '/' Application." pages (customErrors="Off").</summary>
internal static class YellowScreen
{
    private const string VersionInformation = "Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4494.0";

    public static string Render(YellowScreenError error)
    {
        var shortType = error.ExceptionType[(error.ExceptionType.LastIndexOf('.') + 1)..];
        var message = Encode(error.Message);
        var stack = Encode(error.StackTrace);

        return $$"""
            <!DOCTYPE html>
            <html>
                <head>
                    <title>{{message}}</title>
                    <meta name="viewport" content="width=device-width" />
                    <style>
                     body {font-family:Verdana;font-size:.7em;color:black;background:white}
                     H1 {font-weight:normal;font-size:18pt;color:red}
                     H2 {font-weight:normal;font-size:14pt;color:maroon}
                     pre {font-family:Consolas,"Lucida Console",monospace;font-size:11pt;margin:0;padding:.5em}
                     table {width:100%;background-color:#ffffcc}
                    </style>
                </head>

                <body bgcolor="white">

                        <span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>

                        <h2> <i>{{message}}</i> </h2></span>

                        <font face="Arial, Helvetica, Geneva, SunSans-Regular, sans-serif ">

                        <b> Description: </b>The current web request failed with an exception nobody caught. The stack trace below tells where it was thrown.

                        <br><br>

                        <b> Exception Details: </b>{{Encode(error.ExceptionType)}}: {{message}}<br><br>

            {{RenderSource(error.Source)}}
                        <b>Stack Trace:</b> <br><br>

                        <table>
                           <tr>
                              <td>
                                  <code><pre>

            [{{shortType}}: {{message}}]
            {{stack}}
            </pre></code>

                              </td>
                           </tr>
                        </table>

                        <br>

                        <hr width=100% size=1 color=silver>

                        <b>Version Information:</b>&nbsp;{{VersionInformation}}

                        </font>

                </body>
            </html>
            <!--
            [{{shortType}}]: {{message}}
            {{stack}}
            -->
            """;
    }

    private static string RenderSource(SourceExcerpt? source)
    {
        if (source is null)
        {
            return """
                            <b>Source Error:</b> <br><br>

                            <table>
                               <tr>
                                  <td>
                                      <code>The current web request raised an unhandled exception. The exception stack trace below shows where it came from.</code>
                                  </td>
                               </tr>
                            </table>

                            <br>

                """;
        }

        var lines = new StringBuilder();
        var number = source.FirstLine;
        foreach (var code in source.Code.Split('\n'))
        {
            var line = $"Line {number}:    {Encode(code)}";
            lines.AppendLine(number == source.ErrorLine ? $"<font color=red>{line}</font>" : line);
            number++;
        }

        return $"""
                        <b>Source Error:</b> <br><br>

                        <table>
                           <tr>
                              <td>
                                  <code><pre>

            {lines}</pre></code>

                              </td>
                           </tr>
                        </table>

                        <br>

                        <b> Source File: </b> {Encode(source.FilePath)}<b> &nbsp;&nbsp; Line: </b> {source.ErrorLine}
                        <br><br>

            """;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
