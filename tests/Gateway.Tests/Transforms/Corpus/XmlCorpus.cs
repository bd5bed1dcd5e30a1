using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>SOAP 1.1 and 1.2 faults, plain XML errors, and hostile XML.</summary>
public static class XmlCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return Both("xml/soap11-client-fault-400", 400, "text/xml; charset=utf-8",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
              <soap:Body>
                <soap:Fault>
                  <faultcode>soap:Client</faultcode>
                  <faultstring>Grade must be between 1 and 12.</faultstring>
                </soap:Fault>
              </soap:Body>
            </soap:Envelope>
            """,
            LeakKinds.None, 400, "Grade must be between 1 and 12.");

        yield return ServerError("xml/soap11-server-fault-java", 500, "text/xml; charset=utf-8",
            """
            <?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>java.lang.IllegalArgumentException: sectionId must not be null</faultstring><detail><ns1:stackTrace xmlns:ns1="http://xml.apache.org/axis/">java.lang.IllegalArgumentException: sectionId must not be null
            	at com.acme.roster.RosterServiceImpl.getRoster(RosterServiceImpl.java:61)</ns1:stackTrace></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType);

        yield return Both("xml/soap12-sender-fault-400", 400, "application/soap+xml; charset=utf-8",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">
              <env:Body>
                <env:Fault>
                  <env:Code><env:Value>env:Sender</env:Value></env:Code>
                  <env:Reason><env:Text xml:lang="en">Section 3 is full.</env:Text><env:Text xml:lang="fr">La section 3 est complète.</env:Text></env:Reason>
                </env:Fault>
              </env:Body>
            </env:Envelope>
            """,
            LeakKinds.None, 400, "Section 3 is full.");

        yield return Both("xml/soap11-fault-with-detail-stack-on-400", 400, "text/xml",
            """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Student 12 was not found.</faultstring><detail><ExceptionDetail><Message>Student 12 was not found.</Message><StackTrace>   at Sis.Roster.Find(Int32 id) in D:\src\Sis\Roster.cs:line 40</StackTrace></ExceptionDetail></detail></s:Fault></s:Body></s:Envelope>
            """,
            LeakKinds.StackTrace | LeakKinds.FilePath, 400, "Student 12 was not found.");

        // The fault string is its own element, as a JSON message is its own member: the trace in detail does not taint it.
        yield return Both("xml/soap12-sender-fault-with-detail-trace-400", 400, "application/soap+xml; charset=utf-8",
            """
            <?xml version="1.0" encoding="utf-8"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>m:InvalidGrade</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">Grade must be between 1 and 12.</env:Text></env:Reason><env:Detail><m:trace xmlns:m="http://sis">at Sis.Validate() in C:\src\Sis\Validate.cs:line 3</m:trace></env:Detail></env:Fault></env:Body></env:Envelope>
            """,
            LeakKinds.StackTrace | LeakKinds.FilePath, 400, "Grade must be between 1 and 12.");

        yield return Both("xml/error-message-beside-java-stack-400", 400, "application/xml",
            "<error><message>Grade must be between 1 and 12.</message><stackTrace>com.acme.ValidationException: Grade\n\tat com.acme.Validator.check(Validator.java:12)</stackTrace></error>",
            LeakKinds.StackTrace, 400, "Grade must be between 1 and 12.");

        // A leaky fault string is still never shown, whatever the detail holds.
        yield return Both("xml/axis-fault-string-exception-400", 400, "text/xml; charset=utf-8",
            """
            <?xml version="1.0" encoding="utf-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server.userException</faultcode><faultstring>java.rmi.RemoteException: Student not found</faultstring><detail><ns1:hostname xmlns:ns1="http://xml.apache.org/axis/">sis-app01</ns1:hostname></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>
            """,
            LeakKinds.ExceptionType, 400, Generic.BadRequest);

        yield return Both("xml/plain-error-404", 404, "application/xml",
            """<?xml version="1.0" encoding="UTF-8"?><error><code>404</code><message>Student 12 was not found.</message></error>""",
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("xml/s3-style-error-400", 400, "application/xml",
            """<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code><Message>Grade must be between 1 and 12.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>""",
            LeakKinds.None, 400, "Grade must be between 1 and 12.");

        yield return Both("xml/error-text-only-409", 409, "text/xml",
            "<error>The student is already enrolled in this section.</error>",
            LeakKinds.None, 409, "The student is already enrolled in this section.");

        yield return Both("xml/cdata-message-400", 400, "application/xml",
            "<response><status>error</status><message><![CDATA[Birth date must be before 2024-01-31 & after 1990-01-01.]]></message></response>",
            LeakKinds.None, 400, "Birth date must be before 2024-01-31 & after 1990-01-01.");

        yield return Both("xml/xxe-attempt-echo", 400, "application/xml",
            """<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><error><message>&xxe;</message></error>""",
            LeakKinds.FilePath, 400, Generic.BadRequest);

        yield return Both("xml/entity-bomb", 400, "application/xml",
            """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><error><message>&lol3;</message></error>""",
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("xml/rfc7807-xml-problem-403", 403, "application/problem+xml",
            """<?xml version="1.0" encoding="UTF-8"?><problem xmlns="urn:ietf:rfc:7807"><type>https://example.net/probs/out-of-scope</type><title>Out of scope</title><detail>Your token is not valid for school 255901.</detail><status>403</status></problem>""",
            LeakKinds.None, 403, "Your token is not valid for school 255901.");
    }
}
