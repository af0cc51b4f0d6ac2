package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MicroProfile Metrics in Prometheus format count each question by interface, operation and outcome
 * and time it; the notification backlog is a gauge; and the monthly SLA report shows the questions
 * once the minute they fell in is stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {
    private static final String GRANTED_SOAP = "interface=\"SOAP\"";

    @Test
    void questionsAreCountedAndTimedByInterfaceOperationAndOutcome() throws Exception {
        double before = requests("SOAP", "GetBenefitInformation", "GRANTED");
        double refusedBefore = requests("REST", "GetBenefitInformation", "CONSENT_MISSING");
        assertEquals(200, SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION).status());
        RestTwinIT.assertProblem(RestTwinIT.query("insurer", DemoRegister.INSURER, """
                {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP"], "purpose": "RISK_ASSESSMENT"}"""
                .formatted(DemoRegister.PERSON, Questions.TODAY.minusMonths(6), Questions.TODAY)), 403, "CONSENT_MISSING");

        assertEquals(before + 1, requests("SOAP", "GetBenefitInformation", "GRANTED"));
        assertEquals(refusedBefore + 1, requests("REST", "GetBenefitInformation", "CONSENT_MISSING"));
        List<String> metrics = metrics();
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("lefi_request_duration_seconds_count{") && l.contains(GRANTED_SOAP)
                && l.contains("operation=\"GetBenefitInformation\"")), "a latency timer for SOAP questions");
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("lefi_request_duration_seconds{") && l.contains("quantile=\"0.99\"")
                && l.contains(GRANTED_SOAP)), "latency quantiles");
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("lefi_request_duration_seconds_bucket{") && l.contains("le=\"0.1\"")
                && l.contains(GRANTED_SOAP)), "latency histogram buckets: "
                + metrics.stream().filter(l -> l.startsWith("lefi_request_duration")).toList());
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("lefi_notification_backlog{")), "the notification backlog gauge");
    }

    @Test
    void theMonthlyServiceLevelReport() throws Exception {
        assertEquals(200, SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION).status());
        String month = YearMonth.now(ZoneId.of("Europe/Stockholm")).toString();
        // Each node stores a minute when it has ended: wait for this one.
        JsonObject report = null;
        Optional<JsonObject> soap = Optional.empty();
        for (int attempt = 0; attempt < 100 && soap.isEmpty(); attempt++) {
            Thread.sleep(1000);
            report = AdminApi.send("GET", "/sla/" + month, null, 200);
            soap = report.getJsonArray("interfaces").getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.getString("interfaceName").equals("SOAP")).findFirst();
        }
        assertTrue(soap.isPresent(), "SOAP questions in the SLA report: " + report);
        JsonObject level = soap.get();
        assertTrue(level.getJsonNumber("requests").longValue() >= 1, level.toString());
        double p50 = level.getJsonNumber("p50Millis").doubleValue();
        double p95 = level.getJsonNumber("p95Millis").doubleValue();
        double p99 = level.getJsonNumber("p99Millis").doubleValue();
        assertTrue(0 < p50 && p50 <= p95 && p95 <= p99, level.toString());
        assertTrue(report.getJsonNumber("serviceMinutes").longValue() >= 1, report.toString());
        assertTrue(report.getJsonNumber("minutesUp").longValue() >= 1, report.toString());
        double availability = report.getJsonNumber("availabilityPercent").doubleValue();
        assertTrue(availability > 0 && availability <= 100, report.toString());

        // The same figures per Swedish day, for the console's charts: today's day holds the SOAP questions.
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        JsonObject day = report.getJsonArray("days").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("day").equals(today)).findFirst().orElseThrow(() -> new AssertionError("no day " + today));
        assertTrue(day.getJsonNumber("serviceMinutes").longValue() >= 1, day.toString());
        JsonObject soapToday = day.getJsonArray("interfaces").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("interfaceName").equals("SOAP")).findFirst().orElseThrow(() -> new AssertionError(day.toString()));
        assertTrue(soapToday.getJsonNumber("requests").longValue() >= 1 && soapToday.getJsonNumber("requests").longValue()
                <= level.getJsonNumber("requests").longValue(), soapToday.toString());

        // Questions per day, interface and outcome from the audit log.
        HttpResponse<String> volumes = AdminApi.get("admin", "/request-volumes?from=" + today + "&to=" + today);
        assertEquals(200, volumes.statusCode(), volumes.body());
        assertTrue(volumes.body().contains("\"interfaceName\":\"SYSTEM_TO_SYSTEM\"") && volumes.body().contains("\"outcome\":\"GRANTED\""),
                volumes.body());
        assertEquals(400, AdminApi.get("admin", "/request-volumes?from=" + today + "&to=2020-01-01").statusCode());
        assertEquals(400, AdminApi.get("admin", "/request-volumes?from=2020-01-01&to=" + today).statusCode(), "at most 92 days");
        assertEquals(403, AdminApi.get("insurer", "/request-volumes?from=" + today + "&to=" + today).statusCode());

        HttpResponse<String> csv = AdminApi.get("admin", "/sla/" + month + "/report.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("month,interface,requests,failures,availabilityPercent,p50Millis,p95Millis,p99Millis\r\n"));
        assertTrue(csv.body().contains("\r\n" + month + ",SOAP,"), csv.body());
        assertEquals(400, AdminApi.get("admin", "/sla/" + YearMonth.now().plusMonths(2)).statusCode());
        assertEquals(403, AdminApi.get("insurer", "/sla/" + month).statusCode());
    }

    static double requests(String interfaceName, String operation, String outcome) throws Exception {
        return metrics().stream().filter(l -> l.startsWith("lefi_requests_total{") && l.contains("interface=\"" + interfaceName + "\"")
                        && l.contains("operation=\"" + operation + "\"") && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static List<String> metrics() throws Exception {
        HttpResponse<String> response = LefiServer.httpClient("admin").send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + LefiServer.httpsPort() + "/metrics?scope=application"))
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().lines().toList();
    }
}
