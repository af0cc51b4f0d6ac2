package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import se.lefi.reference.v9.api.LefiExternFormansinformationApi;
import se.lefi.reference.v9.client.ApiClient;
import se.lefi.reference.v9.client.ApiException;
import se.lefi.reference.v9.model.LefiExternFormansinformationFraga;
import se.lefi.reference.v9.model.LefiFelsvar;
import se.lefi.reference.v9.model.LefiPeriod;

/**
 * LEFI Förmånsinformation v9 as an integrator calls it: the client openapi-generator made at build time
 * from the agency's own OpenAPI description (../shared/reference/lefi-v9), unchanged, over mutual TLS as a
 * demo party. Its JSON mapper is made strict: a property the schema does not declare fails the test.
 */
final class V9Client {
    /** The reference description: what the generated client was made from, read by the tests that compare. */
    static final Path REFERENCE = LefiServer.projectDir().resolve(System.getProperty("lefi.reference.dir", "../shared/reference"));

    private V9Client() {
    }

    static LefiExternFormansinformationApi api(String alias) throws Exception {
        return new LefiExternFormansinformationApi(apiClient(alias));
    }

    static ApiClient apiClient(String alias) throws Exception {
        HttpClient.Builder http = HttpClient.newBuilder().sslContext(LefiServer.sslContext(alias)).version(HttpClient.Version.HTTP_1_1);
        return new ApiClient(http, strictMapper(), LefiServer.uri("").toString());
    }

    static ObjectMapper strictMapper() {
        return ApiClient.createDefaultObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    static LefiExternFormansinformationFraga question(String personnummer, LocalDate from, LocalDate tom) {
        return new LefiExternFormansinformationFraga().personnummer(personnummer)
                .period(new LefiPeriod().from(from).tom(tom));
    }

    /** The refusal of a question: the status, then the LefiFelsvar whose message starts with the code. Returns the request id. */
    static String assertRefused(int status, String code, ThrowingCall call, String... notEchoed) throws Exception {
        ApiException refused = assertThrows(ApiException.class, call::run);
        assertEquals(status, refused.getCode(), refused.getResponseBody());
        LefiFelsvar felsvar = strictMapper().readValue(refused.getResponseBody(), LefiFelsvar.class);
        assertTrue(felsvar.getMeddelande().startsWith(code + ": "), felsvar.getMeddelande());
        for (String value : notEchoed) {
            assertFalse(refused.getResponseBody().contains(value), "the refusal must not echo " + value.length() + "-character input");
        }
        String requestId = refused.getResponseHeaders().firstValue("Lefi-Request-Id").orElseThrow();
        JsonObject audit = AdminApi.auditRecord(requestId);
        assertEquals(code, audit.getString("outcome"));
        assertEquals("LEFI_V9", audit.getString("interfaceName"));
        return requestId;
    }

    static Map<String, String> caseHeader(String caseId) {
        return Map.of("Lefi-Arendeidentitet", caseId);
    }

    interface ThrowingCall {
        void run() throws Exception;
    }
}
