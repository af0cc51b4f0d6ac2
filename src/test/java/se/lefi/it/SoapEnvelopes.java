package se.lefi.it;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Posts SOAP envelope fixtures (src/test/resources/envelopes) over mTLS and reads coded faults. */
final class SoapEnvelopes {
    static final String CORE = "urn:se:lefi:online:core:1";
    static final String GET_BENEFIT_INFORMATION = "urn:se:lefi:online:GetBenefitInformationResponder:1:GetBenefitInformation";

    private SoapEnvelopes() {
    }

    record Reply(int status, String body) {
        /** The LefiFault code in the fault detail, or null. */
        String faultCode() throws Exception {
            return text("code");
        }

        String faultMessage() throws Exception {
            return text("message");
        }

        String requestId() throws Exception {
            String id = text("requestId");
            return id != null ? id : textIn("urn:se:lefi:online:GetBenefitInformationResponder:1", "requestId");
        }

        private String text(String element) throws Exception {
            return textIn(CORE, element);
        }

        private String textIn(String namespace, String element) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            NodeList nodes = document.getElementsByTagNameNS(namespace, element);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }
    }

    /** The values a fixture's ${name} placeholders get unless a test says otherwise. */
    static Map<String, String> defaults() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        Map<String, String> values = new HashMap<>();
        values.put("personId", DemoRegister.PERSON);
        values.put("from", today.minusYears(1).toString());
        values.put("tom", today.toString());
        values.put("consentGivenOn", today.minusDays(10).toString());
        values.put("principal", DemoRegister.MUNICIPALITY);
        values.put("correlationId", "fixture-coordination");
        values.put("caseId", "SOC-2026-1234");
        return values;
    }

    static Reply post(String alias, String fixture, String soapAction) throws Exception {
        return post(alias, fixture, soapAction, Map.of());
    }

    /** Posts a fixture with its placeholders filled from {@link #defaults()} overridden by {@code values}. */
    static Reply post(String alias, String fixture, String soapAction, Map<String, String> values) throws Exception {
        String text;
        try (InputStream in = SoapEnvelopes.class.getResourceAsStream("/envelopes/" + fixture)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> filled = defaults();
        filled.putAll(values);
        for (Map.Entry<String, String> value : filled.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        byte[] envelope = text.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(LefiServer.uri("/ws/LefiOnline"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + soapAction + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        HttpResponse<String> response = LefiServer.httpClient(alias).send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
