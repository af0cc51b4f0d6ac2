package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;
import se.lefi.reference.ssbtek.v10.Error;
import se.lefi.reference.ssbtek.v10.HamtaBastjanstInformationFault;
import se.lefi.reference.ssbtek.v10.KallaEnum;
import se.lefi.reference.ssbtek.v10.SammansattBastjanstFraga;
import se.lefi.reference.ssbtek.v10.SammansattBastjanstSvar;
import se.lefi.reference.ssbtek.v10.SammansattBastjanstTestFraga;
import se.lefi.reference.ssbtek.v10.SammansattBastjanstTestSvar;
import se.lefi.reference.v9.model.LefiExternFormansinformationSvar;

/**
 * SSBTEK v10 (Sammansatt Bastjänst): the agency's reference request envelopes replayed unchanged with the
 * demo municipality's certificate, and a JAX-WS client generated from the reference WSDL. The FK part
 * carries a v9 question under the actor; every other agency asked for gets its own error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SsbtekIT {
    private static final List<String> AGENCIES = List.of("AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV");

    /**
     * The eight envelopes as the municipal client sends them (its placeholders filled with a correlation
     * id and a case id). Their test person, 199001011234, has a wrong check digit: lefi's FK part refuses
     * it with INVALID_PERSON_ID, coded and audited, and still answers every other part.
     */
    @Test
    void referenceEnvelopesReplayedUnchanged() throws Exception {
        List<Path> envelopes;
        try (Stream<Path> files = Files.list(SsbtekClient.REFERENCE_REQUESTS)) {
            envelopes = files.filter(f -> f.getFileName().toString().endsWith(".request.xml")).sorted().toList();
        }
        assertEquals(8, envelopes.size());
        for (Path file : envelopes) {
            String name = file.getFileName().toString();
            String envelope = fill(Files.readString(file), "korr-" + name, "EB-" + name.substring(0, 6));
            HttpResponse<String> response = SsbtekClient.post("municipality", envelope);
            assertEquals(200, response.statusCode(), name + ": " + response.body());
            Document request = SsbtekClient.parse(envelope);
            Element svar = (Element) SsbtekClient.parse(response.body())
                    .getElementsByTagNameNS(SsbtekClient.NAMESPACE, "hamtaBastjanstInformationResponse").item(0);
            assertEquals("korr-" + name, SsbtekClient.text(svar, "korrelationsid"), name);
            Element data = SsbtekClient.child(svar, "svarsdata");
            for (String agency : AGENCIES) {
                Element asked = SsbtekClient.child((Element) request.getElementsByTagNameNS(SsbtekClient.NAMESPACE,
                        "specifikaFrageparametrar").item(0), agency);
                Element answered = SsbtekClient.child(data, agency);
                if (!Boolean.parseBoolean(asked.getAttribute("inkludera"))) {
                    assertNull(answered, name + ": " + agency + " was not asked for");
                    continue;
                }
                assertNotNull(answered, name + ": " + agency);
                Element error = SsbtekClient.child(answered, "error");
                if (agency.equals("FK")) {
                    assertEquals("BT", SsbtekClient.text(error, "kalla"), name);
                    assertEquals("INVALID_PERSON_ID", SsbtekClient.text(error, "felkod"), name);
                    String requestId = error.getElementsByTagNameNS(SsbtekClient.NAMESPACE, "felmeddelande").item(1)
                            .getTextContent().substring("requestId ".length());
                    JsonObject audit = AdminApi.auditRecord(requestId);
                    assertEquals("INVALID_PERSON_ID", audit.getString("outcome"));
                    assertEquals("SSBTEK", audit.getString("interfaceName"));
                    assertEquals("026-51", audit.getString("actorId"));
                    assertEquals(DemoRegister.MUNICIPALITY, audit.getString("organisationNumber"));
                    assertEquals("EB-" + name.substring(0, 6), audit.getString("caseId"));
                    assertEquals(SsbtekClient.SYFTE, audit.getString("statedPurpose"), "syfte is audited verbatim");
                    assertEquals(SsbtekClient.LAGTEXT, audit.getString("statedLegalText"), "lagtext is audited verbatim");
                    assertEquals("system", audit.getString("caseHandler"));
                } else {
                    assertEquals("SSBT", SsbtekClient.text(error, "kalla"), name);
                    assertEquals("NOT_PROVIDED", SsbtekClient.text(error, "felkod"), name);
                }
            }
            assertFalse(response.body().contains("199001011234"), "the answer must not echo the person");
        }
    }

    /** The same envelope with a person of the demo register, in personidentitet and inside lefiJsonFraga: register data. */
    @Test
    void referenceEnvelopeWithADemoPersonAnswersRegisterData() throws Exception {
        LocalDate from = LocalDate.parse("2025-01-01");
        LocalDate tom = LocalDate.parse("2025-06-30");
        PersonRecord person = Questions.personWith(InformationType.ABB, from, tom);
        String envelope = fill(Files.readString(SsbtekClient.REFERENCE_REQUESTS.resolve("test03_getFinancialAid_fk.request.xml")),
                "korr-demo", "EB-DEMO-1");
        String encoded = envelope.substring(envelope.indexOf("<ns2:lefiJsonFraga>") + "<ns2:lefiJsonFraga>".length(),
                envelope.indexOf("</ns2:lefiJsonFraga>"));
        String json = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)
                .replace("199001011234", person.person().personId());
        envelope = envelope.replace(encoded, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)))
                .replace("<ns2:personidentitet>199001011234<", "<ns2:personidentitet>" + person.person().personId() + "<");

        HttpResponse<String> response = SsbtekClient.post("municipality", envelope);
        assertEquals(200, response.statusCode(), response.body());
        Element fk = SsbtekClient.child(SsbtekClient.child((Element) SsbtekClient.parse(response.body())
                .getElementsByTagNameNS(SsbtekClient.NAMESPACE, "svarsdata").item(0), "FK"), "data");
        LefiExternFormansinformationSvar svar = V9Client.strictMapper().readValue(
                Base64.getDecoder().decode(SsbtekClient.text(fk, "lefiJsonSvar")), LefiExternFormansinformationSvar.class);
        assertEquals(Map.of("FK", "OK", "PM", "OTILLGANGLIG"), V9FormansinformationIT.sources(svar.getUtlamnare()));
        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.ABB), from, tom).size(),
                svar.getFormansinformation().getBarnbidragsarende().stream().mapToInt(c -> c.getBeslut().size()).sum());
        assertEquals(person.person().personId(), svar.getFormansinformation().getGenerellPersoninformation().get(0).getPersonnummer());
    }

    @Test
    void generatedClientGetsRegisterDataForTheMunicipality() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(1);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        String personnummer = person.person().personId();
        SammansattBastjanstFraga fraga = SsbtekClient.fraga(DemoRegister.MUNICIPALITY, personnummer, from, Questions.TODAY, "EB-2026-17",
                "026-51", SsbtekClient.v9(personnummer, from, Questions.TODAY, "FK:SJP"));

        SammansattBastjanstSvar svar = SsbtekClient.port("municipality").hamtaBastjanstInformation(fraga);

        assertEquals(fraga.getGenerellaFrageparametrar().getKorrelationsid(), svar.getKorrelationsid());
        assertNull(svar.getSvarsdata().getFK().getError(), () -> String.valueOf(svar.getSvarsdata().getFK().getError().getFelkod()));
        LefiExternFormansinformationSvar v9 = V9Client.strictMapper().readValue(svar.getSvarsdata().getFK().getData().getLefiJsonSvar(),
                LefiExternFormansinformationSvar.class);
        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.SJP), from, Questions.TODAY).size(),
                v9.getFormansinformation().getSjukpenningarende().stream().mapToInt(c -> c.getBeslut().size()).sum());
        for (Error other : List.of(svar.getSvarsdata().getAF().getError(), svar.getSvarsdata().getCSN().getError(),
                svar.getSvarsdata().getSKV().getError(), svar.getSvarsdata().getMIV().getError())) {
            assertEquals(KallaEnum.SSBT, other.getKalla());
            assertEquals("NOT_PROVIDED", other.getFelkod());
        }
        assertNull(svar.getSvarsdata().getSO(), "not asked for");
        assertNull(svar.getSvarsdata().getTNS(), "not asked for");
        assertTrue(MetricsIT.requests("SSBTEK", "GetBenefitInformation", "GRANTED") >= 1);
    }

    @Test
    void agentAsksWithItsOwnCertificateForTheMunicipality() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(1);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        String personnummer = person.person().personId();
        SammansattBastjanstSvar svar = SsbtekClient.port("agent").hamtaBastjanstInformation(SsbtekClient.fraga(DemoRegister.MUNICIPALITY,
                personnummer, from, Questions.TODAY, "EB-2026-18", "026-52", SsbtekClient.v9(personnummer, from, Questions.TODAY, "FK:SJP"),
                "5569000036"));

        assertNull(svar.getSvarsdata().getFK().getError(), () -> svar.getSvarsdata().getFK().getError().getFelkod());
        assertNotNull(svar.getSvarsdata().getFK().getData().getLefiJsonSvar());
    }

    @Test
    void unknownActor() throws Exception {
        assertFkRefused("UNKNOWN_ACTOR", "municipality", DemoRegister.MUNICIPALITY, "999-99", "EB-1");
    }

    @Test
    void anotherOrganisationsActor() throws Exception {
        assertFkRefused("UNKNOWN_ACTOR", "insurer", DemoRegister.INSURER, "026-51", "EB-1");
    }

    @Test
    void terminatedAgreement() throws Exception {
        assertFkRefused("AGREEMENT_TERMINATED", "terminated", "5569000077", "100-77", "EB-1");
    }

    /** SSBTEK's schema demands a case id; one of blanks only names no case. */
    @Test
    void missingCase() throws Exception {
        assertFkRefused("CASE_MISSING", "municipality", DemoRegister.MUNICIPALITY, "026-51", " ");
    }

    @Test
    void agentWithoutLiveAssignment() throws Exception {
        assertFkRefused("NO_LIVE_ASSIGNMENT", "former-agent", DemoRegister.MUNICIPALITY, "026-53", "EB-1", "5569000051");
    }

    @Test
    void submitterIsNotTheCertificatesOrganisation() throws Exception {
        assertFkRefused("SUBMITTER_MISMATCH", "municipality", DemoRegister.INSURER, "026-51", "EB-1");
    }

    @Test
    void agentNotNamedAmongTheDataProcessors() throws Exception {
        assertFkRefused("SUBMITTER_MISMATCH", "agent", DemoRegister.MUNICIPALITY, "026-52", "EB-1");
    }

    @Test
    void questionAboutAnotherPersonThanTheCase() throws Exception {
        LocalDate from = Questions.TODAY.minusMonths(6);
        String other = se.lefi.dev.register.SyntheticRegister.personId(8);
        SammansattBastjanstFraga fraga = SsbtekClient.fraga(DemoRegister.MUNICIPALITY, DemoRegister.PERSON, from, Questions.TODAY, "EB-1",
                "026-51", SsbtekClient.v9(other, from, Questions.TODAY, "FK:SJP"));
        assertRefused("QUESTION_NOT_IN_CASE", "municipality", fraga);
    }

    @Test
    void questionOutsideTheCasesPeriod() throws Exception {
        LocalDate from = Questions.TODAY.minusMonths(6);
        SammansattBastjanstFraga fraga = SsbtekClient.fraga(DemoRegister.MUNICIPALITY, DemoRegister.PERSON, from, Questions.TODAY.minusMonths(1),
                "EB-1", "026-51", SsbtekClient.v9(DemoRegister.PERSON, from, Questions.TODAY, "FK:SJP"));
        assertRefused("QUESTION_NOT_IN_CASE", "municipality", fraga);
    }

    @Test
    void endedActor() throws Exception {
        assertFkRefused("ACTOR_ENDED", "municipality", DemoRegister.MUNICIPALITY, "026-50", "EB-1");
    }

    /** A call without the FK part still needs a connected caller: a coded fault, audited. */
    @Test
    void otherAgenciesOnlyFromAnUnconnectedOrganisation() throws Exception {
        SammansattBastjanstFraga fraga = question("5569000077", "100-77", "EB-1");
        fraga.getSpecifikaFrageparametrar().getFK().setInkludera(false);
        fraga.getSpecifikaFrageparametrar().getFK().setFraga(null);
        HamtaBastjanstInformationFault fault = assertThrows(HamtaBastjanstInformationFault.class,
                () -> SsbtekClient.port("terminated").hamtaBastjanstInformation(fraga));
        assertEquals("AGREEMENT_TERMINATED", fault.getFaultInfo().getFelkod());
        JsonObject audit = AdminApi.auditRecord(SsbtekClient.requestId(fault.getFaultInfo().getFelmeddelande()));
        assertEquals("AGREEMENT_TERMINATED", audit.getString("outcome"));
        assertEquals("SSBTEK", audit.getString("interfaceName"));
    }

    /** Refused before the decision (not a v9 question), the general parameters are still audited as given. */
    @Test
    void malformedJsonIsAuditedWithTheStatedPurpose() throws Exception {
        SammansattBastjanstFraga fraga = question(DemoRegister.MUNICIPALITY, "026-51", "EB-JSON");
        fraga.getSpecifikaFrageparametrar().getFK().getFraga().setLefiJsonFraga("[]".getBytes(StandardCharsets.UTF_8));
        Error error = SsbtekClient.port("municipality").hamtaBastjanstInformation(fraga).getSvarsdata().getFK().getError();
        JsonObject audit = AdminApi.auditRecord(SsbtekClient.requestId(error.getFelmeddelande()));
        assertEquals("INVALID_REQUEST", audit.getString("outcome"));
        assertEquals(SsbtekClient.SYFTE, audit.getString("statedPurpose"));
        assertEquals(SsbtekClient.LAGTEXT, audit.getString("statedLegalText"));
        assertEquals("EB-JSON", audit.getString("caseId"));
        assertEquals("026-51", audit.getString("actorId"));
    }

    @Test
    void unsupportedVersion() throws Exception {
        SammansattBastjanstFraga fraga = question(DemoRegister.MUNICIPALITY, "026-51", "EB-1");
        fraga.getSpecifikaFrageparametrar().getFK().getFraga().setVersion("v8");
        assertRefused("UNSUPPORTED_VERSION", "municipality", fraga);
    }

    @Test
    void malformedJsonInsideTheBase64() throws Exception {
        SammansattBastjanstFraga fraga = question(DemoRegister.MUNICIPALITY, "026-51", "EB-1");
        fraga.getSpecifikaFrageparametrar().getFK().getFraga().setLefiJsonFraga("{\"personnummer\": ".getBytes(StandardCharsets.UTF_8));
        assertRefused("INVALID_REQUEST", "municipality", fraga);
    }

    /** Not base64 at all: the envelope breaks the schema, so the whole call is a coded fault, audited. */
    @Test
    void malformedBase64() throws Exception {
        String envelope = fill(Files.readString(SsbtekClient.REFERENCE_REQUESTS.resolve("test03_getFinancialAid_fk.request.xml")),
                "korr-b64", "EB-B64");
        envelope = envelope.replaceFirst("<ns2:lefiJsonFraga>[^<]*<", "<ns2:lefiJsonFraga>%%% inte base64 %%%<");
        HttpResponse<String> response = SsbtekClient.post("municipality", envelope);

        assertEquals(500, response.statusCode(), response.body());
        Element fault = (Element) SsbtekClient.parse(response.body())
                .getElementsByTagNameNS(SsbtekClient.NAMESPACE, "hamtaBastjanstInformationFault").item(0);
        assertNotNull(fault, response.body());
        assertEquals("INVALID_REQUEST", SsbtekClient.text(fault, "felkod"));
        String requestId = fault.getElementsByTagNameNS(SsbtekClient.NAMESPACE, "felmeddelande").item(1).getTextContent()
                .substring("requestId ".length());
        JsonObject audit = AdminApi.auditRecord(requestId);
        assertEquals("INVALID_REQUEST", audit.getString("outcome"));
        assertEquals("SSBTEK", audit.getString("interfaceName"));
    }

    @Test
    void probeHoldsNoPersonalData() throws Exception {
        SammansattBastjanstTestSvar svar = SsbtekClient.port("municipality").testaBastjanstInformation(new SammansattBastjanstTestFraga());
        assertTrue(svar.getFK().isAnropad());
        assertNull(svar.getFK().getError());
        assertFalse(svar.getAF().isAnropad());
        assertEquals("NOT_PROVIDED", svar.getAF().getError().getFelkod());
        assertEquals(KallaEnum.SSBT, svar.getMIV().getError().getKalla());
    }

    private static SammansattBastjanstFraga question(String submitter, String actorId, String caseId, String... processors) {
        LocalDate from = Questions.TODAY.minusMonths(6);
        return SsbtekClient.fraga(submitter, DemoRegister.PERSON, from, Questions.TODAY, caseId, actorId,
                SsbtekClient.v9(DemoRegister.PERSON, from, Questions.TODAY, "FK:SJP"), processors);
    }

    private static void assertFkRefused(String code, String alias, String submitter, String actorId, String caseId, String... processors)
            throws Exception {
        assertRefused(code, alias, question(submitter, actorId, caseId, processors));
    }

    /** The FK part is a coded error from the base service (kalla BT), audited; the rest of the call is answered. */
    private static void assertRefused(String code, String alias, SammansattBastjanstFraga fraga) throws Exception {
        SammansattBastjanstSvar svar = SsbtekClient.port(alias).hamtaBastjanstInformation(fraga);
        Error error = svar.getSvarsdata().getFK().getError();
        assertNotNull(error, code);
        assertNull(svar.getSvarsdata().getFK().getData());
        assertEquals(KallaEnum.BT, error.getKalla());
        assertEquals(code, error.getFelkod(), String.join(" ", error.getFelmeddelande()));
        assertTrue(error.getFelmeddelande().stream().noneMatch(m -> m.contains(DemoRegister.PERSON)), "the error must not echo the person");
        assertEquals("NOT_PROVIDED", svar.getSvarsdata().getAF().getError().getFelkod(), "the other parts are answered");
        JsonObject audit = AdminApi.auditRecord(SsbtekClient.requestId(error.getFelmeddelande()));
        assertEquals(code, audit.getString("outcome"));
        assertEquals("SSBTEK", audit.getString("interfaceName"));
    }

    /** The municipal client's placeholders: the first is the correlation id, the second the case id. */
    private static String fill(String envelope, String correlationId, String caseId) {
        return envelope.replaceFirst("\\$\\{xmlunit\\.ignore}", correlationId).replaceFirst("\\$\\{xmlunit\\.ignore}", caseId);
    }
}
