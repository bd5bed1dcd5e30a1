using System.Net;

namespace LegacyBackend.Samples;

/// <summary>IIS 8.5's detailed 404.0 page, as a server with errorMode="Detailed" shows it to everyone.</summary>
internal static class IisNotFoundPage
{
    public static string Render(string path)
    {
        // IIS reports the URL as it saw it behind the load balancer, and the folder it looked in.
        var requestedUrl = WebUtility.HtmlEncode($"http://localhost:80{path}");
        var physicalPath = WebUtility.HtmlEncode(@"C:\inetpub\wwwroot\StudentApi" + path.Replace('/', '\\'));

        return $$"""
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
            <title>IIS 8.5 Detailed Error - 404.0 - Not Found</title>
            <style type="text/css">
            body{margin:0;font:.75em Verdana,Arial,sans-serif;background:#eee;}
            #content{margin:0 2%;}
            .content-container{background:#fff;margin-top:8px;padding:10px;}
            h3{font-size:1.4em;margin:10px 0 0 0;color:#c00;}
            h4{font-size:1.2em;margin:10px 0 5px 0;}
            fieldset{padding:0 15px 10px 15px;}
            #details-left{width:35%;float:left;margin-right:2%;}
            #details-right{width:63%;float:left;}
            th{text-align:right;padding-right:2%;width:30%;}
            td,th{vertical-align:top;padding:3px 0;}
            .clear{clear:both;}
            </style>

            </head>
            <body>
            <div id="content">
            <div class="content-container">
              <h3>HTTP Error 404.0 - Not Found</h3>
              <h4>The requested page could not be found. It may have been moved, renamed or never deployed.</h4>
            </div>
            <div class="content-container">
             <fieldset><h4>Most likely causes:</h4>
              <ul>
               <li>Nothing exists at this path under the site's physical folder.</li>
               <li>The URL is misspelled.</li>
               <li>A request filtering rule hides the file.</li>
              </ul>
             </fieldset>
            </div>
            <div class="content-container">
             <fieldset><h4>Things you can try:</h4>
              <ul>
               <li>Deploy the missing content to the server.</li>
               <li>Check the URL for typing mistakes.</li>
               <li>Turn on Failed Request Tracing for status 404 to find the module that set it.</li>
              </ul>
             </fieldset>
            </div>

            <div class="content-container">
             <fieldset><h4>Detailed Error Information:</h4>
              <div id="details-left">
               <table border="0" cellpadding="0" cellspacing="0">
                <tr class="alt"><th>Module</th><td>&nbsp;&nbsp;&nbsp;IIS Web Core</td></tr>
                <tr><th>Notification</th><td>&nbsp;&nbsp;&nbsp;MapRequestHandler</td></tr>
                <tr class="alt"><th>Handler</th><td>&nbsp;&nbsp;&nbsp;StaticFile</td></tr>
                <tr><th>Error Code</th><td>&nbsp;&nbsp;&nbsp;0x80070002</td></tr>

               </table>
              </div>
              <div id="details-right">
               <table border="0" cellpadding="0" cellspacing="0">
                <tr class="alt"><th>Requested URL</th><td>&nbsp;&nbsp;&nbsp;{{requestedUrl}}</td></tr>
                <tr><th>Physical Path</th><td>&nbsp;&nbsp;&nbsp;{{physicalPath}}</td></tr>
                <tr class="alt"><th>Logon Method</th><td>&nbsp;&nbsp;&nbsp;Anonymous</td></tr>
                <tr><th>Logon User</th><td>&nbsp;&nbsp;&nbsp;Anonymous</td></tr>
                <tr class="alt"><th>Request Tracing Directory</th><td>&nbsp;&nbsp;&nbsp;C:\inetpub\logs\FailedReqLogFiles</td></tr>
               </table>
               <div class="clear"></div>
              </div>
             </fieldset>
            </div>

            <div class="content-container">
             <fieldset><h4>More Information:</h4>
              The web server looked for a file or folder at the physical path above and found none.

             </fieldset>
            </div>
            </div>
            </body>
            </html>
            """;
    }
}
