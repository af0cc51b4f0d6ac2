package se.lefi.interfaces.soap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.DisclosureService;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.access.Outcome;
import se.lefi.application.access.PingAnswer;
import se.lefi.contract.ssbtek.v10.AkassornasSamorganisationSvar;
import se.lefi.contract.ssbtek.v10.ArbetsformedlingenSvar;
import se.lefi.contract.ssbtek.v10.BastjanstInformationFault;
import se.lefi.contract.ssbtek.v10.BastjanstInformationInterface;
import se.lefi.contract.ssbtek.v10.CsnSvar;
import se.lefi.contract.ssbtek.v10.Error;
import se.lefi.contract.ssbtek.v10.FkSvarsData;
import se.lefi.contract.ssbtek.v10.ForsakringskassanFraga;
import se.lefi.contract.ssbtek.v10.ForsakringskassanSvar;
import se.lefi.contract.ssbtek.v10.GenerellaFrageparametrar;
import se.lefi.contract.ssbtek.v10.HamtaBastjanstInformationFault;
import se.lefi.contract.ssbtek.v10.KallaEnum;
import se.lefi.contract.ssbtek.v10.MigrationsverketSvar;
import se.lefi.contract.ssbtek.v10.Personuppgiftsbitrade;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstFraga;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstFragaOriginal;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstSvar;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstSvarData;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstTestFraga;
import se.lefi.contract.ssbtek.v10.SammansattBastjanstTestSvar;
import se.lefi.contract.ssbtek.v10.SkatteverketSvar;
import se.lefi.contract.ssbtek.v10.SpecifikaFrageparametrar;
import se.lefi.contract.ssbtek.v10.TestSvar;
import se.lefi.contract.ssbtek.v10.TestaBastjanstInformationFault;
import se.lefi.contract.ssbtek.v10.TransportstyrelsenSvar;
import se.lefi.domain.access.ActorQuestion;
import se.lefi.domain.access.BenefitQuestion;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.access.Submission;
import se.lefi.interfaces.v9.InvalidV9Question;
import se.lefi.interfaces.v9.V9Json;
import se.lefi.interfaces.v9.V9Question;

/**
 * SSBTEK v10 (Sammansatt Bastjänst), the composite service through which municipalities'
 * financial-assistance units ask: lefi answers its Försäkringskassan part, a LEFI Förmånsinformation v9
 * question carried base64-encoded, under the same decision and audit as every other way in (interface
 * name SSBTEK). The general parameters bind the question (submitter, case, period). The other agencies'
 * parts are not lefi's: each one asked for gets its own error, never a failure of the whole call.
 */
public class SsbtekEndpoint implements BastjanstInformationInterface {
    static final String INTERFACE = "SSBTEK";
    static final String NAMESPACE = "http://schema.forsakringskassan.se/integration/ssbt/10";
    /** The felkod of another agency's part: this service does not provide it. */
    static final String NOT_PROVIDED = "NOT_PROVIDED";
    private static final String QUESTION = "GetBenefitInformation";
    private static final String SUPPORTED_VERSION = "v9";

    private final DisclosureService disclosure;
    private final LefiOnlineService service;
    private final Clock clock;

    SsbtekEndpoint(DisclosureService disclosure, LefiOnlineService service, Clock clock) {
        this.disclosure = disclosure;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public SammansattBastjanstSvar hamtaBastjanstInformation(SammansattBastjanstFraga fraga) throws HamtaBastjanstInformationFault {
        GenerellaFrageparametrar general = fraga.getGenerellaFrageparametrar();
        SpecifikaFrageparametrar specific = fraga.getSpecifikaFrageparametrar();
        Caller caller = LefiOnlineEndpoint.caller();
        if (!specific.getFK().isInkludera()) {
            // No question for lefi's decision, which would identify the caller: it is identified here, so that
            // only a connected organisation learns even that the other parts are not provided.
            Outcome<PingAnswer> identified = service.probe(caller, INTERFACE, "hamtaBastjanstInformation");
            if (!identified.isGranted()) {
                Refusal refusal = identified.refusal();
                throw new HamtaBastjanstInformationFault(refusal.code().name() + ": " + refusal.message(),
                        faultInfo(refusal.code(), refusal.message(), identified.requestId()));
            }
        }
        SammansattBastjanstSvar svar = new SammansattBastjanstSvar();
        if (general.isFraganSkallInkluderasISvaret()) {
            SammansattBastjanstFragaOriginal original = new SammansattBastjanstFragaOriginal();
            original.setGenerellaFrageparametrar(general);
            original.setSpecifikaFrageparametrar(specific);
            svar.setFraga(original);
        }
        svar.setFrageTidpunkt(general.getFrageTidpunkt());
        svar.setKorrelationsid(general.getKorrelationsid());

        SammansattBastjanstSvarData data = new SammansattBastjanstSvarData();
        // The generated answer types share no base type: each gets its not-provided error in its own line.
        if (specific.getAF().isInkludera()) {
            data.setAF(new ArbetsformedlingenSvar());
            data.getAF().setError(notProvided("Arbetsförmedlingen"));
        }
        if (specific.getCSN().isInkludera()) {
            data.setCSN(new CsnSvar());
            data.getCSN().setError(notProvided("CSN"));
        }
        if (specific.getFK().isInkludera()) {
            data.setFK(forsakringskassan(caller, general, specific.getFK().getFraga()));
        }
        if (specific.getSKV().isInkludera()) {
            data.setSKV(new SkatteverketSvar());
            data.getSKV().setError(notProvided("Skatteverket"));
        }
        if (specific.getSO().isInkludera()) {
            data.setSO(new AkassornasSamorganisationSvar());
            data.getSO().setError(notProvided("Akassornas samorganisation"));
        }
        if (specific.getTNS().isInkludera()) {
            data.setTNS(new TransportstyrelsenSvar());
            data.getTNS().setError(notProvided("Transportstyrelsen"));
        }
        if (specific.getMIV().isInkludera()) {
            data.setMIV(new MigrationsverketSvar());
            data.getMIV().setError(notProvided("Migrationsverket"));
        }
        svar.setSvarsdata(data);
        return svar;
    }

    /** The probe: no personal data; the caller must be connected. Only the FK part has a service behind it here. */
    @Override
    public SammansattBastjanstTestSvar testaBastjanstInformation(SammansattBastjanstTestFraga fraga) throws TestaBastjanstInformationFault {
        Outcome<PingAnswer> probe = service.probe(LefiOnlineEndpoint.caller(), INTERFACE, "testaBastjanstInformation");
        if (!probe.isGranted()) {
            throw new TestaBastjanstInformationFault(probe.refusal().code().name() + ": " + probe.refusal().message(),
                    faultInfo(probe.refusal().code(), probe.refusal().message(), probe.requestId()));
        }
        SammansattBastjanstTestSvar svar = new SammansattBastjanstTestSvar();
        TestSvar fk = new TestSvar();
        fk.setAnropad(true);
        svar.setFK(fk);
        svar.setAF(notCalled("Arbetsförmedlingen"));
        svar.setCSN(notCalled("CSN"));
        svar.setSKV(notCalled("Skatteverket"));
        svar.setSO(notCalled("Akassornas samorganisation"));
        svar.setTNS(notCalled("Transportstyrelsen"));
        svar.setMIV(notCalled("Migrationsverket"));
        return svar;
    }

    /** The FK part: the v9 question under the actor, bound to the general parameters; its answer or a coded error (kalla BT). */
    private ForsakringskassanSvar forsakringskassan(Caller caller, GenerellaFrageparametrar general, ForsakringskassanFraga fraga) {
        Submission submission = new Submission(general.getIngivare().getOrganisationsnummer(), general.getIngivare().getHandlaggare(),
                general.getPersonuppgiftsbitrade().stream().map(Personuppgiftsbitrade::getOrganisationsnummer).toList(),
                general.getPersonidentitet(), ContractMapping.date(general.getTidsperiod().getFromDatum()),
                ContractMapping.date(general.getTidsperiod().getTomDatum()), general.getArendeidentitet(), general.getSyfte(),
                general.getLagtext());
        String actorId = fraga == null ? null : fraga.getAktorsid();
        if (fraga == null) {
            return unanswered(caller, actorId, submission, RefusalCode.INVALID_REQUEST, "FK ingår i frågan men dess fråga saknas.");
        }
        if (fraga.getVersion() != null && !SUPPORTED_VERSION.equals(fraga.getVersion().strip())) {
            return unanswered(caller, actorId, submission, RefusalCode.UNSUPPORTED_VERSION, RefusalCode.UNSUPPORTED_VERSION.defaultMessage());
        }
        V9Question question;
        try {
            question = V9Json.parseQuestion(fraga.getLefiJsonFraga());
        } catch (InvalidV9Question e) {
            return unanswered(caller, actorId, submission, RefusalCode.INVALID_REQUEST, "lefiJsonFraga: " + e.getMessage());
        }
        BenefitQuestion benefitQuestion = new BenefitQuestion(question.personnummer(), question.from(), question.tom(),
                new ArrayList<>(question.heldTypes()), null, null, general.getArendeidentitet(), null, general.getKorrelationsid(),
                question.otherSourcesAsked());
        Outcome<BenefitAnswer> outcome = disclosure.discloseForActor(caller, INTERFACE, new ActorQuestion(actorId, benefitQuestion, submission));
        ForsakringskassanSvar svar = new ForsakringskassanSvar();
        if (!outcome.isGranted()) {
            Refusal refusal = outcome.refusal();
            svar.setError(error(KallaEnum.BT, refusal.code().name(), refusal.message(), outcome.requestId()));
            return svar;
        }
        FkSvarsData data = new FkSvarsData();
        data.setLefiJsonSvar(bytes(V9Json.answer(question, outcome.value(), LocalDate.now(clock))));
        svar.setData(data);
        return svar;
    }

    private ForsakringskassanSvar unanswered(Caller caller, String actorId, Submission submission, RefusalCode code, String message) {
        String requestId = service.recordUnanswered(caller, INTERFACE, QUESTION, code, actorId, submission);
        ForsakringskassanSvar svar = new ForsakringskassanSvar();
        svar.setError(error(KallaEnum.BT, code.name(), message, requestId));
        return svar;
    }

    /** Another agency's part: not lefi's to answer, and never a failure of the whole call. */
    private static Error notProvided(String agency) {
        return error(KallaEnum.SSBT, NOT_PROVIDED, agency + ": tillhandahålls inte av denna tjänst (lefi svarar endast för Försäkringskassan).", null);
    }

    private static TestSvar notCalled(String agency) {
        TestSvar svar = new TestSvar();
        svar.setAnropad(false);
        svar.setError(notProvided(agency));
        return svar;
    }

    static Error error(KallaEnum source, String code, String message, String requestId) {
        Error error = new Error();
        error.setKalla(source);
        error.setFelkod(code);
        error.getFelmeddelande().add(message);
        if (requestId != null) {
            error.getFelmeddelande().add("requestId " + requestId);
        }
        return error;
    }

    static BastjanstInformationFault faultInfo(RefusalCode code, String message, String requestId) {
        BastjanstInformationFault fault = new BastjanstInformationFault();
        fault.setFelkod(code.name());
        fault.getFelmeddelande().add(message);
        fault.getFelmeddelande().add("requestId " + requestId);
        return fault;
    }

    private static byte[] bytes(JsonObject json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.writeObject(json);
        }
        return out.toByteArray();
    }

    /** SSBTEK's fault element for the operation that failed: hamta- or testaBastjanstInformationFault. */
    static final CodedFaultInterceptor.FaultDetail FAULT = (document, operation, code, message, requestId) -> {
        String element = operation.startsWith("testa") ? "testaBastjanstInformationFault" : "hamtaBastjanstInformationFault";
        org.w3c.dom.Element fault = document.createElementNS(NAMESPACE, "ssbt:" + element);
        fault.appendChild(CodedFaultInterceptor.text(document, NAMESPACE, "ssbt:felkod", code.name()));
        fault.appendChild(CodedFaultInterceptor.text(document, NAMESPACE, "ssbt:felmeddelande", message));
        fault.appendChild(CodedFaultInterceptor.text(document, NAMESPACE, "ssbt:felmeddelande", "requestId " + requestId));
        return fault;
    };

}
