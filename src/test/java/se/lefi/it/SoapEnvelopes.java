package se.lefi.it;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Posts SOAP envelope fixtures (src/test/resources/envelopes) over mTLS and reads coded faults. */
final class SoapEnvelopes {
    static final String CORE = "urn:se:lefi:online:core:1";

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

        private String text(String element) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            NodeList nodes = document.getElementsByTagNameNS(CORE, element);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }
    }

    static Reply post(String alias, String fixture, String soapAction) throws Exception {
        byte[] envelope;
        try (InputStream in = SoapEnvelopes.class.getResourceAsStream("/envelopes/" + fixture)) {
            envelope = in.readAllBytes();
        }
        HttpRequest request = HttpRequest.newBuilder(LefiServer.uri("/ws/LefiOnline"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + soapAction + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        HttpResponse<String> response = LefiServer.httpClient(alias).send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
