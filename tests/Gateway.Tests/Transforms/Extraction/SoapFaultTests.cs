using System.Text;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

public sealed class SoapFaultTests
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    [Theory]
    [InlineData($"""<?xml version="1.0"?><soap:Envelope xmlns:soap="{Soap11}"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Student not found</faultstring></soap:Fault></soap:Body></soap:Envelope>""", 400)]
    [InlineData($"""<SOAP-ENV:Envelope xmlns:SOAP-ENV="{Soap11}">\n  <SOAP-ENV:Body>\n    <SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>java.lang.NullPointerException</faultstring></SOAP-ENV:Fault>\n  </SOAP-ENV:Body></SOAP-ENV:Envelope>""", 500)]
    [InlineData($"""<s:Envelope xmlns:s="{Soap11}"><s:Header><a:Action xmlns:a="x">urn:Fault</a:Action><h:Body>not the body</h:Body></s:Header><s:Body><s:Fault><faultcode>s:Client.Authentication</faultcode><faultstring>Bad token</faultstring></s:Fault></s:Body></s:Envelope>""", 400)]
    [InlineData($"""<env:Envelope xmlns:env="{Soap12}"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>m:BadGrade</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">Grade must be 1-12</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>""", 400)]
    [InlineData($"""<env:Envelope xmlns:env="{Soap12}"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text>ORA-00942</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>""", 500)]
    [InlineData($"""<Envelope xmlns="{Soap11}"><Body><Fault><faultstring>no code</faultstring></Fault></Body></Envelope>""", 500)]
    [InlineData($"""<!-- generated --><soap:Envelope xmlns:soap="{Soap11}"><soap:Body><soap:Fault/></soap:Body></soap:Envelope>""", 500)]
    [InlineData("""<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>4</int></value></member><member><name>faultString</name><value><string>Too many parameters.</string></value></member></struct></value></fault></methodResponse>""", 500)]
    [InlineData("""<methodResponse>\n  <fault/>\n</methodResponse>""", 500)]
    public void Fault_StatusBySender(string xml, int expected)
    {
        Assert.Equal(expected, SoapFault.Status(Encoding.UTF8.GetBytes(xml)));
    }

    [Theory]
    [InlineData($"""<soap:Envelope xmlns:soap="{Soap11}"><soap:Body><GetStudentResponse><Student><Name>Fault</Name></Student></GetStudentResponse></soap:Body></soap:Envelope>""")]
    [InlineData($"""<soap:Envelope xmlns:soap="{Soap11}"><soap:Header><Fault/></soap:Header><soap:Body><Ok/></soap:Body></soap:Envelope>""")]
    [InlineData("""<students><student id="1"><Fault>none</Fault></student></students>""")]
    [InlineData("""<Fault><faultcode>Client</faultcode></Fault>""")]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<soap:Envelope")]
    [InlineData("<a><b><c><d></d></c></b></a>")]
    [InlineData("""<?xml version="1.0"?><methodResponse><params><param><value><struct><member><name>fault</name><value><string>none</string></value></member></struct></value></param></params></methodResponse>""")]
    [InlineData("""<methodCall><methodName>fault</methodName></methodCall>""")]
    public void NotAFault_Null(string xml)
    {
        Assert.Null(SoapFault.Status(Encoding.UTF8.GetBytes(xml)));
    }

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var random = new Random(20261206);
        var pieces = new[] { "<", ">", "/", "soap:", "Envelope", "Body", "Fault", "faultcode", "Code", "Value", "<!--", "-->", "<?", "?>", " ", "Client", ":" };
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(0, 40); j > 0; j--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var status = SoapFault.Status(Encoding.UTF8.GetBytes(text.ToString()));
            Assert.True(status is null or 400 or 500);
        }
    }
}
