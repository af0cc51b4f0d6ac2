package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.reference.v9.model.LefiExternFormansinformationFraga;
import se.lefi.reference.v9.model.LefiFkFormanGruppKod;

/**
 * Every refusal over LEFI Förmånsinformation v9, one scenario each: the status the contract declares,
 * a LefiFelsvar whose message starts with the stable code, nothing of the input echoed, and an audit
 * record with that outcome.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class V9RefusalsIT {
    private static final LocalDate FROM = Questions.TODAY.minusMonths(6);

    private static LefiExternFormansinformationFraga sicknessBenefit() {
        return V9Client.question(DemoRegister.PERSON, FROM, Questions.TODAY).formansinformation(Set.of(LefiFkFormanGruppKod.FK_SJP));
    }

    @Test
    void unknownActor() throws Exception {
        V9Client.assertRefused(403, "UNKNOWN_ACTOR",
                () -> V9Client.api("insurer").hamtaFormansinformation("999-99", sicknessBenefit()), DemoRegister.PERSON);
    }

    @Test
    void anotherOrganisationsActor() throws Exception {
        V9Client.assertRefused(403, "UNKNOWN_ACTOR", () -> V9Client.api("insurer").hamtaFormansinformation(
                V9FormansinformationIT.MUNICIPALITY_ACTOR, sicknessBenefit(), V9Client.caseHeader("SOC-1")), DemoRegister.PERSON);
    }

    @Test
    void endedActor() throws Exception {
        V9Client.assertRefused(403, "ACTOR_ENDED", () -> V9Client.api("municipality").hamtaFormansinformation(
                "026-50", sicknessBenefit(), V9Client.caseHeader("SOC-1")));
    }

    @Test
    void terminatedAgreement() throws Exception {
        V9Client.assertRefused(403, "AGREEMENT_TERMINATED",
                () -> V9Client.api("terminated").hamtaFormansinformation("100-77", sicknessBenefit()), DemoRegister.PERSON);
    }

    @Test
    void missingCaseSaysWhichConditionIsMissing() throws Exception {
        V9Client.assertRefused(403, "CASE_MISSING", () -> V9Client.api("municipality").hamtaFormansinformation(
                V9FormansinformationIT.MUNICIPALITY_ACTOR, sicknessBenefit()), DemoRegister.PERSON);
    }

    @Test
    void missingConsentSaysWhichConditionIsMissing() throws Exception {
        V9Client.assertRefused(403, "CONSENT_MISSING",
                () -> V9Client.api("insurer").hamtaFormansinformation("100-10-RISK", sicknessBenefit()), DemoRegister.PERSON);
    }

    @Test
    void agentWithoutLiveAssignment() throws Exception {
        V9Client.assertRefused(403, "NO_LIVE_ASSIGNMENT", () -> V9Client.api("former-agent").hamtaFormansinformation(
                "026-53", sicknessBenefit(), V9Client.caseHeader("SOC-1")), DemoRegister.PERSON);
    }

    @Test
    void invalidPersonnummer() throws Exception {
        String badCheckDigit = DemoRegister.PERSON.substring(0, 11) + ((DemoRegister.PERSON.charAt(11) - '0' + 1) % 10);
        V9Client.assertRefused(400, "INVALID_PERSON_ID", () -> V9Client.api("insurer").hamtaFormansinformation(
                V9FormansinformationIT.INSURER_ACTOR, V9Client.question(badCheckDigit, FROM, Questions.TODAY)
                        .formansinformation(Set.of(LefiFkFormanGruppKod.FK_SJP))), badCheckDigit);
    }

    @Test
    void noInformationType() throws Exception {
        V9Client.assertRefused(400, "NO_INFORMATION_TYPE", () -> V9Client.api("insurer").hamtaFormansinformation(
                V9FormansinformationIT.INSURER_ACTOR, V9Client.question(DemoRegister.PERSON, FROM, Questions.TODAY)), DemoRegister.PERSON);
    }

    @Test
    void malformedJson() throws Exception {
        HttpResponse<String> response = post("municipality", V9FormansinformationIT.MUNICIPALITY_ACTOR,
                "{\"personnummer\": \"" + DemoRegister.PERSON + "\", \"period\": ");
        assertCoded(response, 400, "INVALID_REQUEST");
    }

    @Test
    void codeOutsideTheSchemasEnumeration() throws Exception {
        HttpResponse<String> response = post("insurer", V9FormansinformationIT.INSURER_ACTOR, """
                {"personnummer": "%s", "period": {"from": "%s", "tom": "%s"}, "formansinformation": ["FK:XYZ"]}"""
                .formatted(DemoRegister.PERSON, FROM, Questions.TODAY));
        assertCoded(response, 400, "INVALID_REQUEST");
    }

    @Test
    void bodyOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        String padded = "{\"personnummer\": \"" + DemoRegister.PERSON + "\"" + " ".repeat(70_000) + "}";
        HttpResponse<String> response = post("insurer", V9FormansinformationIT.INSURER_ACTOR, padded);
        assertCoded(response, 400, "INVALID_REQUEST");
    }

    @Test
    void consentDateThatIsNoDate() throws Exception {
        V9Client.assertRefused(400, "INVALID_REQUEST", () -> V9Client.api("insurer").hamtaFormansinformation("100-10-RISK", sicknessBenefit(),
                Map.of("Lefi-Samtycke-Id", "S-1", "Lefi-Samtycke-Datum", "igår")), DemoRegister.PERSON);
    }

    @Test
    void availableTypesOfAnUnknownOrAnotherOrganisationsActor() throws Exception {
        V9Client.assertRefused(403, "UNKNOWN_ACTOR", () -> V9Client.api("insurer").hamtaTillgangligaInformationstyper("999-99"));
        V9Client.assertRefused(403, "UNKNOWN_ACTOR",
                () -> V9Client.api("insurer").hamtaTillgangligaInformationstyper(V9FormansinformationIT.MUNICIPALITY_ACTOR));
    }

    @Test
    void availableTypesOfATerminatedOrganisation() throws Exception {
        V9Client.assertRefused(403, "AGREEMENT_TERMINATED", () -> V9Client.api("terminated").hamtaTillgangligaInformationstyper("100-77"));
    }

    @Test
    void aMethodTheContractDoesNotHave() throws Exception {
        HttpResponse<String> response = LefiServer.httpClient("insurer").send(HttpRequest.newBuilder(LefiServer.uri(
                        "/lefi-extern-formansinformation/v9/aktorer/" + V9FormansinformationIT.INSURER_ACTOR + "/formansinformation/fraga"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertCoded(response, 405, "INVALID_REQUEST");
    }

    private static HttpResponse<String> post(String alias, String actor, String body) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri(
                        "/lefi-extern-formansinformation/v9/aktorer/" + actor + "/formansinformation/fraga"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertCoded(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject felsvar = LefiServer.json(response.body());
        assertTrue(felsvar.getString("meddelande").startsWith(code + ": "), response.body());
        assertTrue(felsvar.containsKey("timestamp"));
        assertEquals(Set.of("meddelande", "timestamp"), felsvar.keySet(), "LefiFelsvar has exactly the schema's properties");
        assertTrue(!response.body().contains(DemoRegister.PERSON), "the refusal must not echo the person");
        JsonObject audit = AdminApi.auditRecord(response.headers().firstValue("Lefi-Request-Id").orElseThrow());
        assertEquals(code, audit.getString("outcome"));
        assertEquals("LEFI_V9", audit.getString("interfaceName"));
    }
}
