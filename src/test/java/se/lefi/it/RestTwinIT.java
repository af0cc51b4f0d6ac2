package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;

/**
 * The REST/JSON twin: the same question gives the same data, under the same names, as the SOAP
 * operation; the actor in the path must be the caller or a principal its agent acts for (else 403);
 * bad input is a 400 problem with a stable code that echoes nothing; every answer is audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestTwinIT {
    private static final LocalDate FROM = Questions.TODAY.minusYears(1);

    @Test
    void theSameQuestionGivesTheSameDataAsSoap() throws Exception {
        PersonRecord person = Questions.personWith(InformationType.SJP, FROM, Questions.TODAY);
        String personId = person.person().personId();
        SoapEnvelopes.Reply soap = SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml",
                SoapEnvelopes.GET_BENEFIT_INFORMATION, Map.of("personId", personId, "from", FROM.toString()));
        assertEquals(200, soap.status(), soap.body());
        HttpResponse<String> rest = query("insurer", DemoRegister.INSURER, coordination(personId));
        assertEquals(200, rest.statusCode(), rest.body());

        Map<String, String> fromSoap = flatten(soapAnswer(soap.body()));
        Map<String, String> fromRest = flatten(AdminApi.json(rest.body()));
        fromSoap.remove("requestId");
        fromRest.remove("requestId");
        assertTrue(fromSoap.containsKey("decision[0].decisionId") && fromSoap.containsKey("sgi[0].annualIncome"), fromSoap.toString());
        assertEquals(fromSoap, fromRest);

        JsonObject audit = AdminApi.auditRecord(AdminApi.json(rest.body()).getString("requestId"));
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals(personId, audit.getString("personId"));
    }

    @Test
    void anAgentAsksUnderItsPrincipalAndNoOneElse() throws Exception {
        String socialServices = """
                {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP"],
                 "purpose": "SOCIAL_SERVICES", "caseId": "SOC-2026-0100"}""".formatted(DemoRegister.PERSON, FROM, Questions.TODAY);
        HttpResponse<String> granted = query("agent", "16" + DemoRegister.MUNICIPALITY, socialServices);
        assertEquals(200, granted.statusCode(), granted.body());
        assertEquals(DemoRegister.MUNICIPALITY,
                AdminApi.auditRecord(AdminApi.json(granted.body()).getString("requestId")).getString("principalOrganisationNumber"));

        assertProblem(query("former-agent", DemoRegister.MUNICIPALITY, socialServices), 403, "NO_LIVE_ASSIGNMENT");
        assertProblem(query("insurer", DemoRegister.MUNICIPALITY, socialServices), 403, "PRINCIPAL_NOT_ALLOWED");
        assertProblem(query("agent", DemoRegister.INSURER, coordination(DemoRegister.PERSON)), 403, "NO_LIVE_ASSIGNMENT");
        assertProblem(get("insurer", "/api/v1/actors/" + DemoRegister.MUNICIPALITY + "/available-information-types"), 403,
                "PRINCIPAL_NOT_ALLOWED");
    }

    @Test
    void refusalsAreProblemsThatEchoNothing() throws Exception {
        assertProblem(query("insurer", DemoRegister.INSURER, coordination("191212121213")), 400, "INVALID_PERSON_ID");
        assertProblem(query("insurer", DemoRegister.INSURER, "{\"personId\": \"" + DemoRegister.PERSON + "\""), 400, "INVALID_REQUEST");
        assertProblem(query("insurer", DemoRegister.INSURER, "{\"personId\": \"" + DemoRegister.PERSON + "\", \"purpose\": \"NO_SUCH\"}"),
                400, "INVALID_REQUEST");
        assertProblem(query("insurer", DemoRegister.INSURER, "{\"personId\": \"" + DemoRegister.PERSON + "\"}"), 400, "INVALID_REQUEST");
        assertProblem(query("insurer", "5569000011", coordination(DemoRegister.PERSON)), 400, "INVALID_ORGANISATION_NUMBER");
        assertProblem(query("insurer", DemoRegister.INSURER, coordination(DemoRegister.PERSON).replace("COORDINATION_OF_COMPENSATION",
                "RISK_ASSESSMENT")), 403, "CONSENT_MISSING");
        assertProblem(query("terminated", "5569000077", coordination(DemoRegister.PERSON)), 403, "AGREEMENT_TERMINATED");
    }

    @Test
    void availableInformationTypesAsOverSoap() throws Exception {
        HttpResponse<String> response = get("insurance-agent", "/api/v1/actors/5569000028/available-information-types");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray purposes = AdminApi.json(response.body()).getJsonArray("purpose");
        assertEquals(2, purposes.size(), response.body());
        for (JsonValue purpose : purposes) {
            assertEquals(Map.of("SJP", 1, "FP", 1, "TFP", 1, "SGI", 1, "GEPI", 1).keySet(),
                    purpose.asJsonObject().getJsonArray("informationType").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /** One field, one rule: a case id the SOAP contract refuses, the REST twin refuses too, and for the same reason. */
    @Test
    void aCaseIdTheSoapContractRefusesTheRestTwinRefuses() throws Exception {
        String caseId = "SOC 2026 ärende";
        SoapEnvelopes.Reply soap = SoapEnvelopes.post("municipality", "GetBenefitInformation-social-services.xml",
                SoapEnvelopes.GET_BENEFIT_INFORMATION, Map.of("caseId", caseId));
        assertEquals("INVALID_REQUEST", soap.faultCode(), soap.body());
        assertProblem(query("municipality", DemoRegister.MUNICIPALITY, """
                {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP"],
                 "purpose": "SOCIAL_SERVICES", "caseId": "%s"}""".formatted(DemoRegister.PERSON, FROM, Questions.TODAY, caseId)),
                400, "INVALID_REQUEST");
    }

    private static String coordination(String personId) {
        return """
                {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP", "SGI"],
                 "purpose": "COORDINATION_OF_COMPENSATION", "correlationId": "fixture-coordination"}"""
                .formatted(personId, FROM, Questions.TODAY);
    }

    static HttpResponse<String> query(String alias, String actor, String json) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(
                        LefiServer.uri("/api/v1/actors/" + actor + "/benefit-information/query"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String alias, String path) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A problem with the code, a request id under which it was audited, and none of the numbers sent. */
    static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = AdminApi.json(response.body());
        assertEquals(code, problem.getString("code"));
        for (String personal : new String[] {DemoRegister.PERSON, "191212121213", DemoRegister.MUNICIPALITY, DemoRegister.INSURER, "5569000011"}) {
            assertFalse(response.body().contains(personal), "the problem echoes nothing personal");
        }
        assertEquals(code, AdminApi.auditRecord(problem.getString("requestId")).getString("outcome"), "every refusal is audited");
    }

    private static Element soapAnswer(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return (Element) factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS("urn:se:lefi:online:GetBenefitInformationResponder:1", "GetBenefitInformationResponse").item(0);
    }

    /** Every leaf of the SOAP answer by its path of element names; repeated elements are indexed. */
    private static Map<String, String> flatten(Element element) {
        Map<String, String> leaves = new TreeMap<>();
        flatten(element, "", leaves);
        return leaves;
    }

    private static void flatten(Element element, String prefix, Map<String, String> leaves) {
        Map<String, Integer> seen = new HashMap<>();
        boolean hasChildren = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                hasChildren = true;
                int index = seen.merge(e.getLocalName(), 1, Integer::sum) - 1;
                flatten(e, prefix + e.getLocalName() + "[" + index + "].", leaves);
            }
        }
        if (!hasChildren) {
            leaves.put(unindexLast(prefix), normalised(element.getTextContent()));
        }
    }

    /** Every leaf of the JSON answer under the same paths; nulls and empty lists are absent, as in XML. */
    private static Map<String, String> flatten(JsonObject object) {
        Map<String, String> leaves = new TreeMap<>();
        flatten(object, "", leaves);
        return leaves;
    }

    private static void flatten(JsonValue value, String prefix, Map<String, String> leaves) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((name, child) -> {
                if (child.getValueType() == JsonValue.ValueType.ARRAY) {
                    JsonArray array = child.asJsonArray();
                    for (int i = 0; i < array.size(); i++) {
                        flatten(array.get(i), prefix + name + "[" + i + "].", leaves);
                    }
                } else {
                    flatten(child, prefix + name + "[0].", leaves);
                }
            });
            case NULL -> { }
            case STRING -> leaves.put(unindexLast(prefix), normalised(((JsonString) value).getString()));
            default -> leaves.put(unindexLast(prefix), normalised(value.toString()));
        }
    }

    /** "a[0].b[0]." becomes "a[0].b": a single element's last index is dropped, a list's is kept. */
    private static String unindexLast(String prefix) {
        String path = prefix.substring(0, prefix.length() - 1);
        return path.endsWith("[0]") ? path.substring(0, path.length() - 3) : path;
    }

    private static String normalised(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().toString();
        } catch (RuntimeException notDateTime) {
            try {
                return new BigDecimal(text).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }
}
