package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad requests that carry personnummer and organisationsnummer, over every way in, and then the server's
 * log: none of those numbers, no stack trace, and at most one line per request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogHygieneIT {
    // Valid in form, so that a parser might well quote them: a person and an organisation of nobody's.
    private static final String PERSON = "198112189876";
    private static final String MISTYPED_PERSON = "198112189875";
    private static final String ORGANISATION = "5560360793";
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)$|^Caused by: |Exception:");

    @Test
    void refusedRequestsLeaveNoPersonalDataAndNoStackTraces() throws Exception {
        Path log = serverLog();
        long start = Files.size(log);

        List<Request> requests = List.of(
                soap("/ws/LefiOnline", "text/xml", """
                        <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>
                        <GetBenefitInformation xmlns="urn:se:lefi:online:GetBenefitInformationResponder:1"><personId>%s</personId>
                        <period><from xmlns="urn:se:lefi:online:core:1">%s</from></period></GetBenefitInformation></Body></Envelope>"""
                        .formatted(MISTYPED_PERSON, PERSON)),
                soap("/ws/LefiOnline", "text/xml", """
                        <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>
                        <GetAvailableInformationTypes xmlns="urn:se:lefi:online:GetAvailableInformationTypesResponder:1">
                        <principalOrganisationNumber>%s-%s</principalOrganisationNumber></GetAvailableInformationTypes></Body></Envelope>"""
                        .formatted(ORGANISATION, PERSON)),
                soap("/ws/ssbt/v10", "text/xml", """
                        <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>
                        <s:hamtaBastjanstInformation xmlns:s="http://schema.forsakringskassan.se/integration/ssbt/10"><s:generellaFrageparametrar>
                        <s:ingivare><s:organisationsnummer>16%s</s:organisationsnummer></s:ingivare><s:personidentitet>%s</s:personidentitet>
                        </s:generellaFrageparametrar></s:hamtaBastjanstInformation></Body></Envelope>""".formatted(ORGANISATION, PERSON)),
                soap("/ws/LefiOnline", "application/soap+xml", """
                        <e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><GetBenefitInformation
                        xmlns="urn:se:lefi:online:GetBenefitInformationResponder:1"><personId>%s</personId></GetBenefitInformation></e:Body></e:Envelope>"""
                        .formatted(PERSON)),
                json("/api/v1/actors/" + ORGANISATION + "/benefit-information/query", """
                        {"personId": "%s", "period": {"from": "%s", "tom": "2026-01-01"}, "informationType": ["SJP"], "purpose": "X"}"""
                        .formatted(MISTYPED_PERSON, PERSON)),
                json("/api/v1/actors/" + DemoRegister.INSURER + "/benefit-information/query", "{\"personId\": \"" + PERSON),
                json("/lefi-extern-formansinformation/v9/aktorer/" + ORGANISATION + "/formansinformation/fraga", """
                        {"personnummer": "%s", "period": {"from": "%s", "tom": "2026-01-01"}}""".formatted(MISTYPED_PERSON, PERSON)),
                json("/api/admin/organisations", """
                        {"organisationNumber": "%s", "name": "%s", "kind": "NOBODY"}""".formatted(ORGANISATION, PERSON)));
        for (Request request : requests) {
            HttpResponse<String> response = LefiServer.httpClient(request.alias()).send(HttpRequest.newBuilder(LefiServer.uri(request.path()))
                    .header("Content-Type", request.contentType()).POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() >= 400, request.path() + " is refused: " + response.body());
        }
        Thread.sleep(1000); // the log handler writes asynchronously

        List<String> written = linesAfter(log, start);
        for (String line : written) {
            for (String number : List.of(PERSON, MISTYPED_PERSON, PERSON.substring(2), ORGANISATION)) {
                assertTrue(!line.contains(number), "the log quotes submitted input: " + line);
            }
            assertTrue(!STACK_FRAME.matcher(line).find(), "a stack trace in the log: " + line);
        }
        long records = written.stream().filter(l -> l.startsWith("[20")).count();
        assertTrue(records <= requests.size(), "at most one log record per refused request, not " + records + ": " + written);
        assertEquals(List.of(), written.stream().filter(l -> l.contains("SEVERE")).toList());
    }

    private record Request(String alias, String path, String contentType, String body) {
    }

    private static Request soap(String path, String contentType, String body) {
        return new Request("insurer", path, contentType, body);
    }

    private static Request json(String path, String body) {
        return new Request(path.startsWith("/api/admin") ? "admin" : "insurer", path, "application/json", body);
    }

    /** Payara Micro writes the file given to --logtofile with a generation suffix (.0). */
    private static Path serverLog() throws IOException {
        Path configured = Path.of(System.getProperty("lefi.test.serverLog"));
        try (Stream<Path> files = Files.list(configured.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(configured.getFileName().toString()))
                    .filter(f -> !f.getFileName().toString().endsWith(".lck"))
                    .findFirst().orElseThrow(() -> new AssertionError("no server log at " + configured));
        }
    }

    private static List<String> linesAfter(Path log, long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] rest = new byte[(int) (file.length() - offset)];
            file.seek(offset);
            file.readFully(rest);
            return new String(rest, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
