package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;
import se.lefi.reference.v9.model.LefiExternFormansinformationSvar;
import se.lefi.reference.v9.model.LefiFkFormanGruppKod;

/**
 * Actor registrations through the admin API: registered with the basis their purpose fixes, listed,
 * refused out of order with a code, and ended at once; every step in the action log. A registered actor
 * answers at once over v9, and its agreement's limits hold there (types it does not allow are deviations).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActorAdministrationIT {
    private static final String INSURANCE_AGENT = "5569000028";

    @Test
    void registeredAskedEndedAndLogged() throws Exception {
        JsonObject actor = AdminApi.post("/actors", """
                {"actorId": "IT-ACTOR-1", "organisationNumber": "16%s", "purpose": "COORDINATION_OF_COMPENSATION"}"""
                .formatted(INSURANCE_AGENT), 201);
        assertEquals(INSURANCE_AGENT, actor.getString("organisationNumber"));
        assertEquals("COORDINATION_OF_COMPENSATION", actor.getString("purpose"));
        assertTrue(actor.getString("legalBasis").startsWith("SFB 110 kap. 39 §"), actor.toString());
        assertEquals("NONE", actor.getString("condition"));
        assertTrue(actor.getBoolean("live"));
        JsonArray all = LefiServer.json("{\"a\":" + AdminApi.get("admin", "/actors").body() + "}").getJsonArray("a");
        assertTrue(all.stream().map(JsonObject.class::cast).anyMatch(a -> a.getString("actorId").equals("IT-ACTOR-1")));

        // The insurance agent's agreement allows SJP, FP, TFP, SGI and GEPI only: ABB is a deviation, not a refusal.
        LocalDate from = Questions.TODAY.minusYears(1);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        LefiExternFormansinformationSvar svar = V9Client.api("insurance-agent").hamtaFormansinformation("IT-ACTOR-1",
                V9Client.question(person.person().personId(), from, Questions.TODAY)
                        .formansinformation(Set.of(LefiFkFormanGruppKod.FK_SJP, LefiFkFormanGruppKod.FK_ABB)));
        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.SJP), from, Questions.TODAY).size(),
                svar.getFormansinformation().getSjukpenningarende().stream().mapToInt(c -> c.getBeslut().size()).sum());
        assertEquals(1, svar.getAvvikelser().getFormansinformation().size());
        assertEquals("OBEHORIG", svar.getAvvikelser().getFormansinformation().get(0).getAvvikelse().getKod().getValue());
        assertEquals(LefiFkFormanGruppKod.FK_ABB, svar.getAvvikelser().getFormansinformation().get(0).getFormansgrupp().getKod());

        JsonObject ended = AdminApi.post("/actors/IT-ACTOR-1/ending", "{\"from\": \"%s\"}".formatted(Questions.TODAY), 200);
        assertFalse(ended.getBoolean("live"));
        V9Client.assertRefused(403, "ACTOR_ENDED", () -> V9Client.api("insurance-agent").hamtaFormansinformation("IT-ACTOR-1",
                V9Client.question(person.person().personId(), from, Questions.TODAY).formansinformation(Set.of(LefiFkFormanGruppKod.FK_SJP))));
        AdminApi.assertRefused("/actors/IT-ACTOR-1/ending", "{\"from\": \"%s\"}".formatted(Questions.TODAY), "ACTOR_ALREADY_ENDED");

        JsonArray actions = LefiServer.json("{\"a\":" + AdminApi.get("admin", "/actions?max=50").body() + "}").getJsonArray("a");
        assertTrue(actions.stream().map(JsonObject.class::cast).anyMatch(a -> a.getString("action").equals("REGISTER_ACTOR")
                && a.getString("target").equals("IT-ACTOR-1") && a.getString("outcome").equals("DONE")), actions.toString());
        assertTrue(actions.stream().map(JsonObject.class::cast).anyMatch(a -> a.getString("action").equals("END_ACTOR")
                && a.getString("target").equals("IT-ACTOR-1") && a.getString("afterState", "").equals("ENDED")
                && a.getString("beforeState", "").equals("LIVE") && a.getString("outcome").equals("DONE")), actions.toString());
        assertTrue(actions.stream().map(JsonObject.class::cast).anyMatch(a -> a.getString("action").equals("END_ACTOR")
                && a.getString("target").equals("IT-ACTOR-1") && a.getString("outcome").equals("ACTOR_ALREADY_ENDED")), actions.toString());
    }

    @Test
    void anIdAlreadyRegistered() throws Exception {
        AdminApi.assertRefused("/actors", """
                {"actorId": "026-51", "organisationNumber": "%s", "purpose": "SOCIAL_SERVICES"}""".formatted(DemoRegister.MUNICIPALITY),
                "ACTOR_ALREADY_REGISTERED");
    }

    @Test
    void anAgentMustNameItsPrincipal() throws Exception {
        AdminApi.assertRefused("/actors", """
                {"actorId": "IT-ACTOR-2", "organisationNumber": "5569000036", "purpose": "SOCIAL_SERVICES"}""", "PRINCIPAL_MISSING");
    }

    @Test
    void onlyAnAgentNamesAPrincipal() throws Exception {
        AdminApi.assertRefused("/actors", """
                {"actorId": "IT-ACTOR-3", "organisationNumber": "%s", "principal": "%s", "purpose": "SOCIAL_SERVICES"}"""
                .formatted(DemoRegister.INSURER, DemoRegister.MUNICIPALITY), "NOT_AN_AGENT");
    }

    @Test
    void aPurposeWithoutLegalBasisForTheKindOfParty() throws Exception {
        AdminApi.assertRefused("/actors", """
                {"actorId": "IT-ACTOR-4", "organisationNumber": "%s", "purpose": "SOCIAL_SERVICES"}""".formatted(DemoRegister.INSURER),
                "NO_LEGAL_BASIS");
    }

    @Test
    void anIdOfCharactersTheAgencyDoesNotIssue() throws Exception {
        AdminApi.assertRefused("/actors", """
                {"actorId": "026 51/x", "organisationNumber": "%s", "purpose": "SOCIAL_SERVICES"}""".formatted(DemoRegister.MUNICIPALITY),
                "INVALID_ACTOR_ID");
    }

    /** A known organisation is told it is no administrator; a certificate of no registered organisation only that it is unknown. */
    @Test
    void onlyAdministratorsRegisterActors() throws Exception {
        String body = """
                {"actorId": "IT-ACTOR-5", "organisationNumber": "%s", "purpose": "COORDINATION_OF_COMPENSATION"}""".formatted(DemoRegister.INSURER);
        var insurer = AdminApi.post("insurer", "/actors", body);
        assertEquals(403, insurer.statusCode());
        assertEquals("NOT_AN_ADMINISTRATOR", AdminApi.json(insurer.body()).getString("code"));
        var unknown = AdminApi.post("unknown", "/actors", body);
        assertEquals(403, unknown.statusCode());
        assertEquals("UNKNOWN_CERTIFICATE", AdminApi.json(unknown.body()).getString("code"));
    }
}
