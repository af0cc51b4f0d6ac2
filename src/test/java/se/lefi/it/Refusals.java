package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.util.Map;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.lefionline.v1.LefiFault;
import se.lefi.contract.ping.v1.PingType;

/**
 * The shape of every refusal: a SOAP fault with the expected code, no personnummer or
 * organisationsnummer in the reply, and an audit record with that outcome.
 */
final class Refusals {
    private Refusals() {
    }

    static JsonObject assertRefused(String code, String alias, String fixture) throws Exception {
        return assertRefused(code, alias, fixture, Map.of());
    }

    static JsonObject assertRefused(String code, String alias, String fixture, Map<String, String> values) throws Exception {
        Map<String, String> filled = SoapEnvelopes.defaults();
        filled.putAll(values);
        SoapEnvelopes.Reply reply = SoapEnvelopes.post(alias, fixture, SoapEnvelopes.GET_BENEFIT_INFORMATION, values);

        assertEquals(500, reply.status(), reply.body());
        assertEquals(code, reply.faultCode(), reply.body());
        assertFalse(reply.body().contains(filled.get("personId")), "the fault must not echo the person");
        assertFalse(reply.body().contains(filled.get("principal")), "the fault must not echo an organisation number");
        for (String number : new String[] {DemoRegister.INSURER, DemoRegister.MUNICIPALITY}) {
            assertFalse(reply.body().contains(number), "the fault must not echo an organisation number");
        }
        String requestId = reply.requestId();
        assertNotNull(requestId, "a refusal names its audit record");
        JsonObject audit = AdminApi.auditRecord(requestId);
        assertEquals(code, audit.getString("outcome"));
        assertEquals("GetBenefitInformation", audit.getString("operation"));
        return audit;
    }

    /** The fault code Ping gets as {@code alias}; fails the test when Ping is answered. */
    static FaultCode pingFault(String alias) {
        return assertThrows(LefiFault.class, () -> LefiServer.lefiOnline(alias).ping(new PingType())).getFaultInfo().getCode();
    }
}
