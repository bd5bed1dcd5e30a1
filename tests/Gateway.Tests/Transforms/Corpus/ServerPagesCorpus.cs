using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Default pages of web servers, proxies and load balancers in front of the legacy services.</summary>
public static class ServerPagesCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return Both("server/nginx-404", 404, "text/html",
            "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n",
            LeakKinds.None, 404, Generic.NotFound);

        yield return ServerError("server/nginx-502", 502, "text/html",
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            LeakKinds.None);

        yield return ServerError("server/nginx-504", 504, "text/html",
            "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx/1.18.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n",
            LeakKinds.None);

        yield return Both("server/nginx-413", 413, "text/html",
            "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            LeakKinds.None, 400, Generic.ContentTooLarge);

        yield return Both("server/apache-404-with-private-ip", 404, "text/html; charset=iso-8859-1",
            """
            <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
            <html><head>
            <title>404 Not Found</title>
            </head><body>
            <h1>Not Found</h1>
            <p>The requested URL was not found on this server.</p>
            <hr>
            <address>Apache/2.4.57 (Debian) Server at 10.0.0.5 Port 80</address>
            </body></html>
            """,
            LeakKinds.InternalHost, 404, Generic.NotFound);

        yield return ServerError("server/apache-503-internal-host", 503, "text/html; charset=iso-8859-1",
            """
            <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
            <html><head>
            <title>503 Service Unavailable</title>
            </head><body>
            <h1>Service Unavailable</h1>
            <p>The server is temporarily unable to service your
            request due to maintenance downtime or capacity
            problems. Please try again later.</p>
            <hr>
            <address>Apache/2.4.41 (Ubuntu) Server at sis-api.internal Port 8080</address>
            </body></html>
            """,
            LeakKinds.InternalHost);

        yield return Both("server/apache-403-forbidden", 403, "text/html; charset=iso-8859-1",
            """
            <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
            <html><head>
            <title>403 Forbidden</title>
            </head><body>
            <h1>Forbidden</h1>
            <p>You don't have permission to access this resource.</p>
            </body></html>
            """,
            LeakKinds.None, 403, Generic.Forbidden);

        // Apache breaks its stock paragraphs across lines; ProblemDetails carries 401 bodies (Ed-Fi sends none).
        yield return Both("server/apache-401-stock-paragraph-on-two-lines", 401, "text/html; charset=iso-8859-1",
            """
            <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
            <html><head>
            <title>401 Unauthorized</title>
            </head><body>
            <h1>Unauthorized</h1>
            <p>This server could not verify that you
            are authorized to access the document
            requested.  Either you supplied the wrong
            credentials (e.g., bad password), or your
            browser doesn't understand how to supply
            the credentials required.</p>
            <hr>
            <address>Apache/2.4.57 (Debian) Server at api.example.org Port 443</address>
            </body></html>
            """,
            LeakKinds.None, 401, Generic.Unauthorized);

        yield return ServerError("server/haproxy-503", 503, "text/html",
            "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n",
            LeakKinds.None);

        yield return ServerError("server/envoy-503-text", 503, "text/plain",
            "upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111",
            LeakKinds.None);

        yield return Both("server/waf-403-custom-page", 403, "text/html",
            """
            <html><head><title>Request Rejected</title></head><body><h1>Request Rejected</h1><p>The requested URL was rejected. Please consult with your administrator.</p><p>Your support ID is: 7391548211406913537</p></body></html>
            """,
            LeakKinds.None, 403, "Request Rejected");

        yield return new("server/cloud-lb-429", 429, "text/html",
            "<html><head><title>429 Too Many Requests</title></head><body><h1>Too Many Requests</h1><p>Rate limit exceeded. Try again in 60 seconds.</p></body></html>")
        {
            EdFi = new(429, "Rate limit exceeded. Try again in 60 seconds."),
            ProblemDetails = new(429, "Rate limit exceeded. Try again in 60 seconds."),
        };

        // Werkzeug's abort(400, "…") and an Apache ErrorDocument text: the paragraph under the reason-phrase headline.
        yield return Both("server/werkzeug-400-abort-message", 400, "text/html; charset=utf-8",
            "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>Grade must be between 1 and 12.</p>\n",
            LeakKinds.None, 400, "Grade must be between 1 and 12.");

        yield return Both("server/werkzeug-404-stock", 404, "text/html; charset=utf-8",
            "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n",
            LeakKinds.None, 404, Generic.NotFound);

        // WCF's REST "Request Error" page: a placeholder title, a stock paragraph.
        yield return Both("server/wcf-400-request-error", 400, "text/html",
            """<HTML><HEAD><STYLE type="text/css">#content{ FONT-SIZE: 0.7em; }</STYLE><TITLE>Request Error</TITLE></HEAD><BODY><DIV id="content"><P class="heading1">Request Error</P><BR/><P class="intro">The server encountered an error processing the request. See server logs for more details.</P></DIV></BODY></HTML>""",
            LeakKinds.None, 400, Generic.BadRequest);

        yield return ServerError("server/tomcat-501", 501, "text/html;charset=utf-8",
            """<!doctype html><html lang="en"><head><title>HTTP Status 501 – Not Implemented</title></head><body><h1>HTTP Status 501 – Not Implemented</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> Method PATCH is not implemented by this servlet for this URI</p><hr class="line" /><h3>Apache Tomcat/9.0.83</h3></body></html>""",
            LeakKinds.None);

        // "Error 1020" is a Cloudflare rule number, no message: the title, next in order, says what happened.
        yield return Both("server/cloudflare-1020-access-denied", 403, "text/html; charset=UTF-8",
            """
            <!DOCTYPE html>
            <!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
            <!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
            <head>
            <title>Access denied | api.example.org used Cloudflare to restrict access</title>
            <meta charset="UTF-8" />
            <meta name="robots" content="noindex, nofollow" />
            <link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
            </head>
            <body>
              <div id="cf-wrapper">
                <div class="cf-alert cf-alert-error cf-cookie-error hidden" id="cookie-alert" data-translate="enable_cookies">Please enable cookies.</div>
                <div id="cf-error-details" class="p-0">
                  <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-15 antialiased">
                     <h1 class="inline-block md:block mr-2 md:mb-2 font-light text-60 md:text-3xl text-black-dark leading-tight">
                       <span data-translate="error">Error</span>
                       <span>1020</span>
                     </h1>
                     <span class="inline-block md:block heading-ray-id font-mono text-15 lg:text-sm lg:leading-relaxed">Ray ID: 86357c4d2b9a3f1e &bull;</span>
                    <h2 class="text-gray-600 leading-1.3 text-3xl lg:text-2xl font-light">Access denied</h2>
                  </header>
                  <section class="w-240 lg:w-full mx-auto mb-8 lg:px-8">
                    <h2 class="text-3xl leading-tight font-normal mb-4 text-black-dark antialiased" data-translate="what_happened">What happened?</h2>
                    <p>This website is using a security service to protect itself from online attacks.</p>
                  </section>
                  <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
                    <p class="text-13">
                      <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">86357c4d2b9a3f1e</strong></span>
                      <span class="hidden" id="cf-footer-ip">203.0.113.45</span>
                    </p>
                  </div>
                </div>
              </div>
            </body>
            </html>
            """,
            LeakKinds.None, 403, "Access denied | api.example.org used Cloudflare to restrict access");

        // The same rule number under the title: the h2 is the next candidate.
        yield return Both("server/cloudflare-1020-title-is-the-number", 403, "text/html; charset=UTF-8",
            "<html><head><title>Error 1020</title></head><body><h1><span>Error</span> <span>1020</span></h1><h2>Access denied</h2></body></html>",
            LeakKinds.None, 403, "Access denied");

        // Jetty 9 rejecting a request its parser cannot read: "Bad Message 400" is only the status, and the reason under
        // it says what the client sent wrong (a NUL byte) and nothing of the server, so it is the client's message.
        yield return Both("server/jetty9-400-bad-message-reason", 400, "text/html;charset=iso-8859-1",
            "<h1>Bad Message 400</h1><pre>reason: Illegal character CNTL=0x0</pre>",
            LeakKinds.None, 400, "Illegal character CNTL=0x0");

        // A reason that is only the reason phrase says nothing either.
        yield return Both("server/jetty9-400-bad-message-bad-request", 400, "text/html;charset=iso-8859-1",
            "<h1>Bad Message 400</h1><pre>reason: Bad Request</pre>",
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("server/jetty-400-error-page-bad-message", 400, "text/html;charset=iso-8859-1",
            """
            <html><head><meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/><title>Error 400 Bad Message 400</title></head><body><h2>HTTP ERROR 400 Bad Message 400</h2><table><tr><th>URI:</th><td>/api/students</td></tr><tr><th>STATUS:</th><td>400</td></tr><tr><th>MESSAGE:</th><td>Bad Message 400</td></tr><tr><th>SERVLET:</th><td>-</td></tr></table></body></html>
            """,
            LeakKinds.None, 400, Generic.BadRequest);

        // HTTP.SYS answers a Host header no IIS binding takes before any application runs.
        yield return Both("server/httpsys-400-invalid-hostname", 400, "text/html; charset=us-ascii",
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n<HTML><HEAD><TITLE>Bad Request</TITLE>\r\n<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n<BODY><h2>Bad Request - Invalid Hostname</h2>\r\n<hr><p>HTTP Error 400. The request hostname is invalid.</p>\r\n</BODY></HTML>\r\n",
            LeakKinds.None, 400, "Bad Request - Invalid Hostname");

        yield return ServerError("server/envoy-503-no-healthy-upstream", 503, "text/plain", "no healthy upstream", LeakKinds.None);
    }
}
