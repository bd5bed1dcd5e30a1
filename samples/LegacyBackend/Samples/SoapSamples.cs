namespace LegacyBackend.Samples;

/// <summary>The ASMX StudentService: a fault for every call and a small WSDL.</summary>
internal static class SoapSamples
{
    // ">" is legal in XML text, and ASMX faults are matched on the "--->" arrow, so it is left as is.
    /// <summary>What some SOAP stacks send with HTTP 200: a fault the caller caused.</summary>
    public const string ClientFaultWith200 = """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body>
            <soap:Fault>
              <faultcode>soap:Client</faultcode>
              <faultstring>Student 12 is already enrolled in section 7.</faultstring>
            </soap:Fault>
          </soap:Body>
        </soap:Envelope>
        """;

    public const string Fault = """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <soap:Body>
            <soap:Fault>
              <faultcode>soap:Server</faultcode>
              <faultstring>Server was unable to process request. ---> System.Data.SqlClient.SqlException: Invalid object name 'dbo.Students'.</faultstring>
              <detail>
                <ExceptionInfo xmlns="http://tempuri.org/StudentService">
                  <Server>STUDENTAPI-01</Server>
                  <StackTrace>   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
           at System.Data.SqlClient.SqlCommand.ExecuteReader()
           at StudentApi.Services.StudentService.GetStudent(Int32 id) in C:\src\StudentApi\Services\StudentService.asmx.cs:line 37
           at System.Web.Services.Protocols.LogicalMethodInfo.Invoke(Object target, Object[] values)
           at System.Web.Services.Protocols.WebServiceHandler.Invoke()</StackTrace>
                  <Sql>SELECT Id, FirstName, LastName, Grade FROM dbo.Students WHERE Id = @id</Sql>
                </ExceptionInfo>
              </detail>
            </soap:Fault>
          </soap:Body>
        </soap:Envelope>
        """;

    public const string Wsdl = """
        <?xml version="1.0" encoding="utf-8"?>
        <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://tempuri.org/StudentService" targetNamespace="http://tempuri.org/StudentService">
          <wsdl:types>
            <s:schema elementFormDefault="qualified" targetNamespace="http://tempuri.org/StudentService">
              <s:element name="GetStudent">
                <s:complexType><s:sequence><s:element name="id" type="s:int" /></s:sequence></s:complexType>
              </s:element>
              <s:element name="GetStudentResponse">
                <s:complexType><s:sequence><s:element name="GetStudentResult" type="s:string" minOccurs="0" /></s:sequence></s:complexType>
              </s:element>
            </s:schema>
          </wsdl:types>
          <wsdl:message name="GetStudentSoapIn"><wsdl:part name="parameters" element="tns:GetStudent" /></wsdl:message>
          <wsdl:message name="GetStudentSoapOut"><wsdl:part name="parameters" element="tns:GetStudentResponse" /></wsdl:message>
          <wsdl:portType name="StudentServiceSoap">
            <wsdl:operation name="GetStudent">
              <wsdl:input message="tns:GetStudentSoapIn" />
              <wsdl:output message="tns:GetStudentSoapOut" />
            </wsdl:operation>
          </wsdl:portType>
          <wsdl:binding name="StudentServiceSoap" type="tns:StudentServiceSoap">
            <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />
            <wsdl:operation name="GetStudent">
              <soap:operation soapAction="http://tempuri.org/StudentService/GetStudent" style="document" />
              <wsdl:input><soap:body use="literal" /></wsdl:input>
              <wsdl:output><soap:body use="literal" /></wsdl:output>
            </wsdl:operation>
          </wsdl:binding>
          <wsdl:service name="StudentService">
            <wsdl:port name="StudentServiceSoap" binding="tns:StudentServiceSoap">
              <soap:address location="http://studentapi-01.corp.school.local/StudentService.asmx" />
            </wsdl:port>
          </wsdl:service>
        </wsdl:definitions>
        """;

    public const string HelpPage = """
        <html>
          <head><title>StudentService Web Service</title></head>
          <body>
            <h2>StudentService</h2>
            <p>Operations of this service (see the <a href="StudentService?wsdl">WSDL</a> for the contract):</p>
            <ul><li><a href="StudentService?op=GetStudent">GetStudent</a></li></ul>
            <p>Namespace: http://tempuri.org/StudentService</p>
          </body>
        </html>
        """;
}
