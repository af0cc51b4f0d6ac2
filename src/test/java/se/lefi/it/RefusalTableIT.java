package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import se.lefi.contract.core.v1.FaultCode;

/**
 * The refusals of GetBenefitInformation, one row per way to be refused: the caller, the envelope fixture
 * and what is put into it. Each row is sent as it stands and must come back as a SOAP fault with exactly
 * its code, echo no personnummer or organisation number, and be audited with that outcome
 * ({@link Refusals#assertRefused}). Every fault code of the contract has a row here or is named in
 * {@link #ELSEWHERE} with the test that covers it, so a new code cannot go untested unnoticed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefusalTableIT {

    /** One way to be refused. */
    record Row(String code, String alias, String fixture, Map<String, String> values, String why) {
    }

    static final List<Row> ROWS = List.of(
            new Row("AGREEMENT_NOT_SIGNED", "unsigned", "GetBenefitInformation-coordination.xml", Map.of(),
                    "an agreement sent but not signed by both parties"),
            new Row("AGREEMENT_TERMINATED", "terminated", "GetBenefitInformation-coordination.xml", Map.of(),
                    "an agreement terminated from yesterday"),
            new Row("CASE_MISSING", "municipality", "GetBenefitInformation-social-services-no-case.xml", Map.of(),
                    "an authority names no open case"),
            new Row("CONSENT_INVALID", "insurer", "GetBenefitInformation-risk-assessment-with-consent.xml",
                    Map.of("consentGivenOn", "2099-01-01"), "consent given on a day still to come"),
            new Row("CONSENT_MISSING", "insurer", "GetBenefitInformation-risk-assessment.xml", Map.of(),
                    "risk assessment needs the person's consent"),
            new Row("INTERFACE_NOT_COVERED", "web-only", "GetBenefitInformation-coordination.xml", Map.of(),
                    "the agreement covers the web interface only"),
            new Row("INVALID_ORGANISATION_NUMBER", "agent", "GetBenefitInformation-social-services-for-principal.xml",
                    Map.of("principal", "2120009995"), "a principal whose check digit is wrong"),
            new Row("INVALID_PERIOD", "insurer", "GetBenefitInformation-period-reversed.xml", Map.of(),
                    "a period that ends before it starts"),
            new Row("INVALID_PERSON_ID", "insurer", "GetBenefitInformation-invalid-person.xml", Map.of(),
                    "a personnummer with a wrong check digit"),
            new Row("INVALID_PERSON_ID", "insurer", "GetBenefitInformation-coordination.xml", Map.of("personId", "19810230-9871"),
                    "a personnummer of a day that does not exist"),
            new Row("NO_INFORMATION_TYPE", "insurer", "GetBenefitInformation-no-type.xml", Map.of(),
                    "no information type asked for"),
            new Row("NO_LEGAL_BASIS", "insurer", "GetBenefitInformation-case-work.xml", Map.of(),
                    "an insurer asking for an authority's case work"),
            new Row("NO_LIVE_ASSIGNMENT", "former-agent", "GetBenefitInformation-social-services-for-principal.xml", Map.of(),
                    "an agent whose assignment has ceased"),
            new Row("NO_LIVE_ASSIGNMENT", "agent", "GetBenefitInformation-social-services-for-principal.xml",
                    Map.of("principal", DemoRegister.INSURER), "an agent naming a principal it has no assignment from"),
            new Row("NOT_CONNECTED", "admin", "GetBenefitInformation-coordination.xml", Map.of(),
                    "the agency's own certificate has no agreement"),
            new Row("NOT_CONNECTED", "unknown", "GetBenefitInformation-coordination.xml", Map.of(),
                    "an organisation that is not registered"),
            new Row("PERIOD_TOO_LONG", "insurer", "GetBenefitInformation-coordination.xml",
                    Map.of("from", "2023-06-01", "tom", "2026-06-01"), "three years, where the agreement allows two"),
            new Row("PRINCIPAL_MISSING", "agent", "GetBenefitInformation-social-services.xml", Map.of(),
                    "an agent that names no principal"),
            new Row("PRINCIPAL_NOT_ALLOWED", "municipality", "GetBenefitInformation-social-services-for-principal.xml", Map.of(),
                    "a principal named by one who is no agent"),
            new Row("PURPOSE_NOT_IN_AGREEMENT", "insurance-agent", "GetBenefitInformation-risk-assessment-with-consent.xml", Map.of(),
                    "a purpose the agreement does not cover"));

    /** The fault codes with no row here, each with the test that covers it, or why it has none. */
    static final Map<String, String> ELSEWHERE = Map.ofEntries(
            Map.entry("INVALID_REQUEST", "ClientErrorIT, RestTwinIT, SubscriptionSoapIT"),
            Map.entry("NO_CLIENT_CERTIFICATE", "AccessPipelineTest; HandshakeRefusedIT: without a certificate there is no handshake"),
            Map.entry("UNKNOWN_CERTIFICATE", "CertificateBindingIT, CertificateRevocationIT, WebInterfaceIT"),
            Map.entry("CERTIFICATE_REVOKED", "CertificateRevocationIT, PublishedRevocationIT"),
            Map.entry("CERTIFICATE_STATUS_UNKNOWN", "PublishedRevocationTest gives the status UNKNOWN (a responder that is down);"
                    + " the refusal itself is not driven end to end"),
            Map.entry("CONSENT_WITHDRAWN", "SubscriptionStopIT"),
            Map.entry("USER_NOT_AUTHORISED", "AccessPipelineTest, WebUserAccessTest"),
            Map.entry("USER_DEREGISTERED", "WebInterfaceIT, WebUserLifecycleIT"),
            Map.entry("NOT_SUBSCRIBED", "SubscriptionOrderIT, SubscriptionSoapIT, SubscriptionStopIT"),
            Map.entry("OUTSIDE_SERVICE_HOURS", "ServiceWindowIT"),
            Map.entry("TOO_MANY_REQUESTS", "InFlightLimitIT"),
            Map.entry("UNKNOWN_ACTOR", "V9RefusalsIT, SsbtekIT (the reference-contract tests)"),
            Map.entry("ACTOR_ENDED", "V9RefusalsIT, SsbtekIT, ActorAdministrationIT"),
            Map.entry("SUBMITTER_MISMATCH", "SsbtekIT, ActorRulesTest"),
            Map.entry("QUESTION_NOT_IN_CASE", "SsbtekIT, ActorRulesTest"),
            Map.entry("UNSUPPORTED_VERSION", "SsbtekIT"),
            Map.entry("SERVICE_UNAVAILABLE", "AuditWriteFailureIT, ClientErrorIT"));

    @Test
    void eachRowIsRefusedWithItsCodeAndAudited() {
        assertAll(ROWS.stream().map(row -> (Executable) () -> Refusals.assertRefused(row.code(), row.alias(), row.fixture(), row.values())));
    }

    @Test
    void everyFaultCodeOfTheContractHasARowOrATestElsewhere() {
        Set<String> contract = Arrays.stream(FaultCode.values()).map(FaultCode::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = new TreeSet<>(ELSEWHERE.keySet());
        ROWS.forEach(row -> covered.add(row.code()));
        assertEquals(contract, covered);
    }
}
