package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.JsonObject;
import java.io.FileReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import se.lefi.contract.ping.v1.PingType;

/**
 * Input that would cost more than it is worth is refused before it is parsed or matched: a body over its
 * way in's configured size, and an overlong value in each patterned field (whose pattern would otherwise
 * cost time growing with the square of its length). Each refusal is coded and audited, and the server
 * answers Ping at once afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InputBoundsIT {
    private static final int ONE_MEGABYTE = 1 << 20;
    // Under the SOAP body limit, far over any field's bound: the text bound must catch it, not the size.
    private static final int UNDER_THE_BODY_LIMIT = 200_000;

    private static final String GET_BENEFIT_INFORMATION = """
            <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>
            <GetBenefitInformation xmlns="urn:se:lefi:online:GetBenefitInformationResponder:1" xmlns:core="urn:se:lefi:online:core:1">
            <personId>{personId}</personId><period><core:from>2026-01-01</core:from><core:tom>2026-06-30</core:tom></period>
            <informationType>SJP</informationType><purpose>SOCIAL_SERVICES</purpose>
            <consent><core:consentId>{consentId}</core:consentId><core:givenOn>2026-01-01</core:givenOn><core:scope>x</core:scope></consent>
            <caseId>{caseId}</caseId><principalOrganisationNumber>{principal}</principalOrganisationNumber>
            <correlationId>{correlationId}</correlationId></GetBenefitInformation></Body></Envelope>""";
    private static final Map<String, String> FIELDS = Map.of("personId", DemoRegister.PERSON, "consentId", "S-1", "caseId", "EB-1",
            "principal", DemoRegister.MUNICIPALITY, "correlationId", "K-1");

    private static final String SSBTEK = """
            <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><s:hamtaBastjanstInformation
            xmlns:s="http://schema.forsakringskassan.se/integration/ssbt/10"><s:generellaFrageparametrar>
            <s:fraganSkallInkluderasISvaret>false</s:fraganSkallInkluderasISvaret>
            <s:ingivare><s:organisationsnummer>{ingivare}</s:organisationsnummer><s:namn>Demo kommun</s:namn><s:handlaggare>H</s:handlaggare></s:ingivare>
            <s:personidentitet>{personidentitet}</s:personidentitet><s:arendeidentitet>{arendeidentitet}</s:arendeidentitet>
            <s:tidsperiod><s:fromDatum>2026-01-01</s:fromDatum><s:tomDatum>2026-06-30</s:tomDatum></s:tidsperiod>
            <s:syfte>Ekonomiskt bistånd</s:syfte><s:lagtext>SoL</s:lagtext></s:generellaFrageparametrar><s:specifikaFrageparametrar>
            <s:AF inkludera="false"/><s:CSN inkludera="false"/><s:FK inkludera="false"/><s:SKV inkludera="false"/><s:SO inkludera="false"/>
            <s:TNS inkludera="false"/><s:MIV inkludera="false"/></s:specifikaFrageparametrar></s:hamtaBastjanstInformation></Body></Envelope>""";
    private static final Map<String, String> SSBTEK_FIELDS = Map.of("ingivare", "16" + DemoRegister.MUNICIPALITY,
            "personidentitet", DemoRegister.PERSON, "arendeidentitet", "EB-1");

    @Test
    void anOverlongValueInEachPatternedFieldOfLefiOnline() throws Exception {
        for (String field : FIELDS.keySet()) {
            for (int length : new int[] {UNDER_THE_BODY_LIMIT, ONE_MEGABYTE}) {
                assertSoapRefused("/ws/LefiOnline", fill(GET_BENEFIT_INFORMATION, FIELDS, field, length), length, "core", "code",
                        "urn:se:lefi:online:core:1", field);
            }
        }
    }

    @Test
    void anOverlongValueInEachPatternedFieldOfSsbtek() throws Exception {
        for (String field : SSBTEK_FIELDS.keySet()) {
            for (int length : new int[] {UNDER_THE_BODY_LIMIT, ONE_MEGABYTE}) {
                assertSoapRefused("/ws/ssbt/v10", fill(SSBTEK, SSBTEK_FIELDS, field, length), length, "ssbt", "felkod",
                        "http://schema.forsakringskassan.se/integration/ssbt/10", field);
            }
        }
    }

    @Test
    void aBodyOverEachWayInsLimit() throws Exception {
        Properties limits = new Properties();
        try (FileReader reader = new FileReader(LefiServer.projectDir().resolve("config/lefi.properties").toFile())) {
            limits.load(reader);
        }
        assertProblem("insurer", "/api/v1/actors/" + DemoRegister.INSURER + "/benefit-information/query", "application/json",
                padded("{}", limits, "lefi.limits.json.bytes"));
        assertProblem("admin", "/api/admin/organisations", "application/json", padded("{}", limits, "lefi.limits.admin.bytes"));
        assertProblem("admin", "/api/admin/register/changes", "application/x-ndjson", padded("", limits, "lefi.limits.changes.bytes"));
        HttpResponse<String> v9 = post("insurer", "/lefi-extern-formansinformation/v9/aktorer/9255f428-4ba0-63ce-5407-e65d469fac0f"
                + "/formansinformation/fraga", "application/json", padded("{}", limits, "lefi.limits.v9.bytes"));
        assertEquals(400, v9.statusCode(), v9.body());
        assertEquals("INVALID_REQUEST", audited(v9.headers().firstValue("Lefi-Request-Id").orElseThrow()).getString("outcome"));
        assertSoapRefused("/ws/LefiOnline", padded(fill(GET_BENEFIT_INFORMATION, FIELDS, null, 0), limits, "lefi.limits.soap.bytes"),
                ONE_MEGABYTE, "core", "code", "urn:se:lefi:online:core:1", "the body");
        LefiServer.lefiOnline("insurer").ping(new PingType());
    }

    private static void assertSoapRefused(String path, String envelope, int length, String prefix, String codeElement, String namespace,
                                          String what) throws Exception {
        HttpResponse<String> response = post("insurer", path, "text/xml; charset=utf-8", envelope);
        // Over the body limit: 413 before anything is parsed; within it, the field's bound: a SOAP fault.
        assertEquals(envelope.length() > 262_144 ? 413 : 500, response.statusCode(), what + " of " + length + ": " + response.body());
        Element fault = (Element) parse(response.body()).getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Fault")
                .item(0);
        assertNotNull(fault, response.body());
        assertEquals("INVALID_REQUEST", fault.getElementsByTagNameNS(namespace, codeElement).item(0).getTextContent(), what);
        String requestId = "core".equals(prefix)
                ? fault.getElementsByTagNameNS(namespace, "requestId").item(0).getTextContent()
                : fault.getElementsByTagNameNS(namespace, "felmeddelande").item(1).getTextContent().substring("requestId ".length());
        assertEquals("INVALID_REQUEST", audited(requestId).getString("outcome"), what);
        // The server is free again at once: the very next call is answered.
        LefiServer.lefiOnline("insurer").ping(new PingType());
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String fill(String template, Map<String, String> values, String overlong, int length) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            String filled = value.getKey().equals(overlong) ? "7".repeat(length) : value.getValue();
            text = text.replace("{" + value.getKey() + "}", filled);
        }
        return text;
    }

    private static String padded(String body, Properties limits, String key) {
        return body + " ".repeat(Integer.parseInt(limits.getProperty(key).strip()) + 1);
    }

    private static void assertProblem(String alias, String path, String contentType, String body) throws Exception {
        HttpResponse<String> response = post(alias, path, contentType, body);
        assertEquals(413, response.statusCode(), path);
        JsonObject problem = LefiServer.json(response.body());
        assertEquals("INVALID_REQUEST", problem.getString("code"));
        assertEquals("INVALID_REQUEST", audited(problem.getString("requestId")).getString("outcome"));
    }

    private static JsonObject audited(String requestId) throws Exception {
        return AdminApi.auditRecord(requestId);
    }

    private static HttpResponse<String> post(String alias, String path, String contentType, String body) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
