package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Web users' access-rights decisions (behörighetsbeslut) and deregistration through the admin API:
 * a decision needs an organisation whose agreement covers the web interface; deregistration works
 * from a date, today included, and for today takes effect at once; termination of the organisation
 * takes its users' access too. Each illegal step is a 409 that changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebUserLifecycleIT {
    private static final String NUMBER = "5569000150";
    private static final String NAME = "Webbanvändarna Försäkring AB";
    private static final String FIRST_USER = "191212121212";
    private static final String SECOND_USER = "198001012387";
    private static final LocalDate TODAY = Questions.TODAY;

    @Test
    void decisionsDeregistrationAndTermination() throws Exception {
        AdminApi.post("/organisations", """
                {"organisationNumber": "%s", "name": "%s", "kind": "INSURER", "interfaces": ["WEB"],
                 "purposes": ["COORDINATION_OF_COMPENSATION"], "contact": "Avtal"}""".formatted(NUMBER, NAME), 201);
        JsonObject beforeAgreement = AdminApi.post(webUsers(), decision("19121212-1212"), 200);
        assertEquals(FIRST_USER, user(beforeAgreement, 0).getString("personId"), "the personnummer is kept in its 12-digit form");
        assertEquals("NOT_CONNECTED", user(beforeAgreement, 0).getString("access"), "a decision alone is not access");

        AdminApi.post("/organisations/" + NUMBER + "/agreement", "{\"informationTypes\": [\"SJP\"]}", 200);
        AdminApi.post("/organisations/" + NUMBER + "/agreement/signatures", AdminApi.signature("ORGANISATION", TODAY), 200);
        JsonObject connected = AdminApi.post("/organisations/" + NUMBER + "/agreement/signatures", AdminApi.signature("AGENCY", TODAY), 200);
        assertEquals("GRANTED", user(connected, 0).getString("access"));

        AdminApi.assertRefused(webUsers(), decision(FIRST_USER), "USER_ALREADY_REGISTERED");
        HttpResponse<String> invalid = AdminApi.post("admin", webUsers(), decision("191212121213"));
        assertEquals(400, invalid.statusCode());
        assertEquals("INVALID_PERSON_ID", AdminApi.json(invalid.body()).getString("code"));
        assertFalse(invalid.body().contains("191212121213"), "the problem does not echo the personnummer");

        JsonObject two = AdminApi.post(webUsers(), decision(SECOND_USER), 200);
        long first = user(two, 0).getJsonNumber("id").longValue();
        long second = user(two, 1).getJsonNumber("id").longValue();

        AdminApi.assertRefused(deregistration(second), from(TODAY.minusDays(1)), "DATE_IN_PAST");
        JsonObject later = AdminApi.post(deregistration(second), from(TODAY.plusDays(1)), 200);
        assertEquals("GRANTED", user(later, 1).getString("access"), "until the date the user keeps access");
        assertEquals(TODAY.plusDays(1).toString(), user(later, 1).getString("deregisteredFrom"));

        JsonObject today = AdminApi.post(deregistration(first), from(TODAY), 200);
        assertEquals("USER_DEREGISTERED", user(today, 0).getString("access"), "deregistration for today takes effect at once");
        AdminApi.assertRefused(deregistration(first), from(TODAY), "ALREADY_DEREGISTERED");
        AdminApi.assertRefused(deregistration(999_999_999L), from(TODAY), "USER_NOT_REGISTERED");
        JsonObject again = AdminApi.post(webUsers(), decision(FIRST_USER), 200);
        assertEquals("GRANTED", user(again, 2).getString("access"), "a new decision after deregistration");

        JsonObject terminated = AdminApi.post("/organisations/" + NUMBER + "/termination",
                "{\"name\": \"%s\", \"from\": \"%s\"}".formatted(NAME, TODAY), 200);
        assertEquals("AGREEMENT_TERMINATED", user(terminated, 1).getString("access"), "termination takes the users' access");
        assertEquals("AGREEMENT_TERMINATED", user(terminated, 2).getString("access"));
        AdminApi.assertRefused(webUsers(), decision(SECOND_USER), "ALREADY_TERMINATED");

        HttpResponse<String> log = AdminApi.get("admin", "/actions?max=100");
        assertTrue(log.body().contains("DEREGISTER_WEB_USER"));
        assertFalse(log.body().contains(FIRST_USER) || log.body().contains(SECOND_USER), "the action log names users by id only");
    }

    @Test
    void theAgreementMustCoverTheWebInterface() throws Exception {
        // The demo agent's agreement covers system-to-system only.
        AdminApi.assertRefused("/organisations/5569000036/web-users", decision(FIRST_USER), "WEB_NOT_COVERED");
    }

    private static JsonObject user(JsonObject organisation, int index) {
        JsonArray users = organisation.getJsonArray("webUsers");
        return users.getJsonObject(index);
    }

    private static String webUsers() {
        return "/organisations/" + NUMBER + "/web-users";
    }

    private static String deregistration(long id) {
        return webUsers() + "/" + id + "/deregistration";
    }

    private static String decision(String personId) {
        return """
                {"personId": "%s", "name": "Handläggare Testsson", "decidedBy": "Chef Chefsson", "decidedOn": "%s"}"""
                .formatted(personId, TODAY);
    }

    private static String from(LocalDate day) {
        return "{\"from\": \"%s\"}".formatted(day);
    }
}
