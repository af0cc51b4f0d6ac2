package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;
import se.lefi.reference.v9.client.ApiResponse;
import se.lefi.reference.v9.model.LefiExternFormansinformationSvar;
import se.lefi.reference.v9.model.LefiExternOvrigInformationTypKod;
import se.lefi.reference.v9.model.LefiExternTillgangligaInformationstyper;
import se.lefi.reference.v9.model.LefiFkFormanGrupp;
import se.lefi.reference.v9.model.LefiFkFormanGruppKod;
import se.lefi.reference.v9.model.LefiExternFormanGruppKod;
import se.lefi.reference.v9.model.LefiPmFormanGruppKod;
import se.lefi.reference.v9.model.LefiSjukpenningArende;
import se.lefi.reference.v9.model.LefiUtlamnareTillstand;

/**
 * LEFI Förmånsinformation v9 at the agency's own paths, called by the client generated from the agency's
 * OpenAPI description, unchanged: every answer deserialises strictly, carries the register's data in the
 * case-centred model, and is audited under LEFI_V9 with the actor whose registration fixed the purpose.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class V9FormansinformationIT {
    static final String INSURER_ACTOR = "9255f428-4ba0-63ce-5407-e65d469fac0f";
    static final String MUNICIPALITY_ACTOR = "026-51";
    static final String AGENT_ACTOR = "026-52";

    @Test
    void insurerGetsCasesPaymentsAndPersonInformation() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(1);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        String personnummer = person.person().personId();

        ApiResponse<LefiExternFormansinformationSvar> response = V9Client.api("insurer").hamtaFormansinformationWithHttpInfo(INSURER_ACTOR,
                V9Client.question(personnummer, from, Questions.TODAY)
                        .formansinformation(Set.of(LefiFkFormanGruppKod.FK_SJP))
                        .utbetalningar(Set.of(LefiExternFormanGruppKod.FK_SJP))
                        .ovrigInformation(Set.of(LefiExternOvrigInformationTypKod.FK_GEPI))
                        .ansprak(Set.of(LefiPmFormanGruppKod.PM_AP)));
        LefiExternFormansinformationSvar svar = response.getData();

        assertEquals(Map.of("FK", "OK", "PM", "OTILLGANGLIG"), sources(svar.getUtlamnare()));
        List<Decision> expected = person.decisions().stream()
                .filter(d -> Questions.decisionsIn(person, Set.of(InformationType.SJP), from, Questions.TODAY).contains(d.decisionId()))
                .toList();
        List<LefiSjukpenningArende> cases = svar.getFormansinformation().getSjukpenningarende();
        assertEquals(expected.stream().map(d -> d.periodFrom() + "/" + d.periodTom()).sorted().toList(),
                cases.stream().flatMap(c -> c.getBeslut().stream()).map(b -> b.getPeriod().getFran() + "/" + b.getPeriod().getTill())
                        .sorted().toList());
        assertEquals(expected.stream().map(Decision::caseStart).map(LocalDate::toString).collect(Collectors.toSet()),
                cases.stream().map(LefiSjukpenningArende::getStartades).collect(Collectors.toSet()));
        assertEquals(personnummer, svar.getFormansinformation().getGenerellPersoninformation().get(0).getPersonnummer());
        assertEquals(person.person().birthDate().toString(), svar.getFormansinformation().getGenerellPersoninformation().get(0).getFoddes());
        long effected = person.payments().stream().filter(p -> p.benefit() == InformationType.SJP)
                .filter(p -> Questions.paymentsIn(person, Set.of(InformationType.SJP), from, Questions.TODAY).contains(p.paymentId()))
                .filter(p -> !p.paymentDate().isAfter(Questions.TODAY)).count();
        assertEquals(effected, svar.getFormansinformation().getUtbetalningsuppgift().size());
        // The insurer's agreement allows every type: nothing withheld. PM's unavailability is not a deviation.
        assertTrue(svar.getAvvikelser() == null || svar.getAvvikelser().getFormansinformation() == null
                || svar.getAvvikelser().getFormansinformation().isEmpty(), String.valueOf(svar.getAvvikelser()));

        JsonObject audit = AdminApi.auditRecord(response.getHeaders().get("Lefi-Request-Id").get(0));
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals("LEFI_V9", audit.getString("interfaceName"));
        assertEquals("GetBenefitInformation", audit.getString("operation"));
        assertEquals(INSURER_ACTOR, audit.getString("actorId"));
        assertEquals("COORDINATION_OF_COMPENSATION", audit.getString("purpose"));
        assertEquals(DemoRegister.INSURER, audit.getString("organisationNumber"));
        assertEquals(personnummer, audit.getString("personId"));
        assertEquals("GEPI,SJP", audit.getString("typesReturned"));
        assertTrue(MetricsIT.requests("LEFI_V9", "GetBenefitInformation", "GRANTED") >= 1);
    }

    @Test
    void municipalityNamesItsCaseInAHeader() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(3);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        ApiResponse<LefiExternFormansinformationSvar> response = V9Client.api("municipality").hamtaFormansinformationWithHttpInfo(
                MUNICIPALITY_ACTOR, V9Client.question(person.person().personId(), from, Questions.TODAY)
                        .formansinformation(Set.of(LefiFkFormanGruppKod.FK_SJP)), V9Client.caseHeader("SOC-V9-0001"));

        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.SJP), from, Questions.TODAY).size(),
                response.getData().getFormansinformation().getSjukpenningarende().stream().mapToInt(c -> c.getBeslut().size()).sum());
        assertEquals(Map.of("FK", "OK"), sources(response.getData().getUtlamnare()));
        JsonObject audit = AdminApi.auditRecord(response.getHeaders().get("Lefi-Request-Id").get(0));
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals("SOC-V9-0001", audit.getString("caseId"));
        assertEquals("SOCIAL_SERVICES", audit.getString("purpose"));
        assertEquals(MUNICIPALITY_ACTOR, audit.getString("actorId"));
    }

    @Test
    void agentAsksForTheMunicipalityUnderItsOwnActor() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(1);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        ApiResponse<LefiExternFormansinformationSvar> response = V9Client.api("agent").hamtaFormansinformationWithHttpInfo(
                AGENT_ACTOR, V9Client.question(person.person().personId(), from, Questions.TODAY)
                        .formansinformation(Set.of(LefiFkFormanGruppKod.FK_SJP)), V9Client.caseHeader("SOC-V9-0002"));

        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.SJP), from, Questions.TODAY).size(),
                response.getData().getFormansinformation().getSjukpenningarende().stream().mapToInt(c -> c.getBeslut().size()).sum());
        JsonObject audit = AdminApi.auditRecord(response.getHeaders().get("Lefi-Request-Id").get(0));
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals("5569000036", audit.getString("organisationNumber"));
        assertEquals(DemoRegister.MUNICIPALITY, audit.getString("principalOrganisationNumber"));
    }

    @Test
    void onlyPensionsmyndighetensClassesIsAnUnavailableSourceNotAnError() throws Exception {
        ApiResponse<LefiExternFormansinformationSvar> response = V9Client.api("insurer").hamtaFormansinformationWithHttpInfo(INSURER_ACTOR,
                V9Client.question(DemoRegister.PERSON, Questions.TODAY.minusMonths(6), Questions.TODAY)
                        .beslut(Set.of(LefiPmFormanGruppKod.PM_AP, LefiPmFormanGruppKod.PM_EF)));

        assertEquals(200, response.getStatusCode());
        assertEquals(Map.of("PM", "OTILLGANGLIG"), sources(response.getData().getUtlamnare()));
        assertTrue(response.getData().getBeslut() == null || response.getData().getBeslut().isEmpty(), "no PM data, and no error");
        JsonObject audit = AdminApi.auditRecord(response.getHeaders().get("Lefi-Request-Id").get(0));
        assertEquals("GRANTED", audit.getString("outcome"));
        assertTrue(!audit.containsKey("typesReturned") || audit.isNull("typesReturned"), audit.toString());
    }

    @Test
    void consentFromTheHeadersForARiskAssessment() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(1);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        ApiResponse<LefiExternFormansinformationSvar> response = V9Client.api("insurer").hamtaFormansinformationWithHttpInfo(
                "100-10-RISK", V9Client.question(person.person().personId(), from, Questions.TODAY)
                        .formansinformation(Set.of(LefiFkFormanGruppKod.FK_SJP)),
                Map.of("Lefi-Samtycke-Id", "SAMTYCKE-77", "Lefi-Samtycke-Datum", Questions.TODAY.minusDays(3).toString(),
                        "Lefi-Samtycke-Omfattning", "Sjukpenning, 12 manader"));

        JsonObject audit = AdminApi.auditRecord(response.getHeaders().get("Lefi-Request-Id").get(0));
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals("RISK_ASSESSMENT", audit.getString("purpose"));
        assertEquals("id=SAMTYCKE-77; givenOn=" + Questions.TODAY.minusDays(3) + "; scope=Sjukpenning, 12 manader", audit.getString("consentReference"));
    }

    @Test
    void availableInformationTypesAreTheAgreementsTypes() throws Exception {
        LefiExternTillgangligaInformationstyper types = V9Client.api("insurer").hamtaTillgangligaInformationstyper(INSURER_ACTOR);

        Set<String> benefits = EnumSet.allOf(InformationType.class).stream().filter(InformationType::isBenefit)
                .map(t -> "FK:" + t.name()).collect(Collectors.toSet());
        assertEquals(benefits, types.getFormansinformation().stream().map(LefiFkFormanGrupp::getKod).map(LefiFkFormanGruppKod::getValue)
                .collect(Collectors.toSet()));
        assertEquals(benefits, types.getUtbetalningar().stream().map(g -> g.getKod().getValue()).collect(Collectors.toSet()));
        assertEquals(Set.of("FK:SGI", "FK:GEPI"), types.getOvrigInformation().stream().map(t -> t.getKod().getValue()).collect(Collectors.toSet()));
        assertTrue((types.getAnsprak() == null || types.getAnsprak().isEmpty()) && (types.getBeslut() == null || types.getBeslut().isEmpty()),
                "lefi holds none of Pensionsmyndighetens data");
        assertTrue(types.getFormansinformation().stream().allMatch(g -> !g.getBeskrivning().isBlank()));
        assertEquals(27, Arrays.stream(LefiFkFormanGruppKod.values()).filter(c -> benefits.contains(c.getValue())).count());
    }

    /** Each source's code and state, e.g. FK → OK. */
    static Map<String, String> sources(List<LefiUtlamnareTillstand> utlamnare) {
        return utlamnare.stream().collect(Collectors.toMap(u -> u.getUtlamnare().getKod().getValue(), u -> u.getTillstand().getKod().getValue()));
    }
}
