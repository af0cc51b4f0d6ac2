package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request against the schema, or no XML at all, gets the coded fault INVALID_REQUEST — and the
 * parser's own message, which would quote the offending value, does not leave the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchemaViolationIT {
    private static final String PERSON_IN_FIXTURES = "198112189876";

    @Test
    void requestAgainstTheSchema() throws Exception {
        SoapEnvelopes.Reply reply = SoapEnvelopes.post("insurer", "GetBenefitInformation-schema-violation.xml",
                "urn:se:lefi:online:GetBenefitInformationResponder:1:GetBenefitInformation");

        assertEquals(500, reply.status());
        assertEquals("INVALID_REQUEST", reply.faultCode(), reply.body());
        assertFalse(reply.body().contains(PERSON_IN_FIXTURES), "the fault must not echo personal data");
    }

    @Test
    void notXmlAtAll() throws Exception {
        SoapEnvelopes.Reply reply = SoapEnvelopes.post("insurer", "not-xml.txt", "");

        assertEquals("INVALID_REQUEST", reply.faultCode(), reply.body());
        assertNotNull(reply.faultMessage());
        assertFalse(reply.body().contains(PERSON_IN_FIXTURES), "the fault must not echo personal data");
    }

    @Test
    void theSameTransportAnswersAValidEnvelope() throws Exception {
        SoapEnvelopes.Reply reply = SoapEnvelopes.post("insurer", "Ping.xml", "urn:se:lefi:online:PingResponder:1:Ping");

        assertEquals(200, reply.status(), reply.body());
    }
}
