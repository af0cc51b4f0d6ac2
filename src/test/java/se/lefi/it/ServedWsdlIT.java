package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Attr;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.ElementSelectors;

/**
 * {@code ?wsdl} serves the authored contract: the WSDL and every schema it reaches equal the files
 * under wsdl/ and xsd/. CXF rewrites import locations into its own URLs and the address into the
 * one asked for; those two attributes may differ, and so may the order of named siblings (CXF writes
 * the WSDL's messages in its own order).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServedWsdlIT {
    private static final Pattern SCHEMA_LOCATION = Pattern.compile("schemaLocation=\"([^\"]+)\"");

    @Test
    void servedWsdlAndSchemasEqualTheAuthoredFiles() throws Exception {
        // the WSDL, the core components and the three responder schemas
        assertEquals(5, compareServedWithAuthored("/ws/LefiOnline", "wsdl/LefiOnline/LefiOnline_1.0.wsdl"));
    }

    @Test
    void theSubscriptionContractIsServedAsAuthored() throws Exception {
        // the WSDL, both core components and the six responder schemas
        assertEquals(9, compareServedWithAuthored("/ws/LefiSubscription", "wsdl/LefiSubscription/LefiSubscription_1.0.wsdl"));
    }

    @Test
    void theSsbtekContractIsServedAsAuthored() throws Exception {
        // the WSDL and the one schema it includes (SSBTEK v10, Sammansatt Bastjänst)
        assertEquals(2, compareServedWithAuthored("/ws/ssbt/v10", "wsdl/SammansattBastjanst/SammansattBastjanst_10.wsdl"));
    }

    /** Compares the endpoint's {@code ?wsdl} and each schema it reaches with the authored file; returns how many. */
    private static int compareServedWithAuthored(String endpoint, String wsdl) throws Exception {
        HttpClient http = LefiServer.httpClient("insurer");
        Deque<Document> pending = new ArrayDeque<>();
        pending.add(new Document(LefiServer.uri(endpoint + "?wsdl"), LefiServer.projectDir().resolve(wsdl)));
        Set<Path> compared = new HashSet<>();
        while (!pending.isEmpty()) {
            Document document = pending.removeFirst();
            if (!compared.add(document.authored().normalize())) {
                continue;
            }
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(document.served()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, served.statusCode(), document.served().toString());
            Diff diff = DiffBuilder.compare(Input.fromFile(document.authored().toFile()))
                    .withTest(Input.fromString(served.body()))
                    .ignoreComments()
                    .ignoreWhitespace()
                    .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byNameAndAttributes("name")))
                    .checkForSimilar()
                    .withAttributeFilter(ServedWsdlIT::notRewrittenByCxf)
                    .build();
            assertFalse(diff.hasDifferences(), document.authored() + " differs as served: " + diff);
            pending.addAll(imports(document, served.body()));
        }
        return compared.size();
    }

    private static boolean notRewrittenByCxf(Attr attribute) {
        return !attribute.getName().equals("schemaLocation") && !attribute.getName().equals("location");
    }

    /** Pairs each served import URL with the authored file the authored document imports at that position. */
    private static Deque<Document> imports(Document document, String servedText) throws Exception {
        Matcher authored = SCHEMA_LOCATION.matcher(java.nio.file.Files.readString(document.authored()));
        Matcher served = SCHEMA_LOCATION.matcher(servedText);
        Deque<Document> found = new ArrayDeque<>();
        while (authored.find()) {
            assertEquals(true, served.find(), "served document lacks an import of " + authored.group(1));
            Path file = document.authored().getParent().resolve(authored.group(1));
            found.add(new Document(document.served().resolve(served.group(1).replace("&amp;", "&")), file));
        }
        return found;
    }

    private record Document(URI served, Path authored) {
    }
}
