package se.lefi.interfaces.v9;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.lefi.domain.register.Decision;
import se.lefi.domain.register.InformationType;

/**
 * The case-centred decision model of LefiFormansinformation: which case list (ärendelista) each FK benefit
 * group goes into, and which properties each list's case and decision (beslut) schema declares. The schemas
 * differ per benefit (e.g. omfattning is an object in most, a one-item array in LefiEfterlevandepensionBeslut;
 * dagar is an integer in most, a list of dates in LefiProgramersattningBeslut), so a property is written only
 * where that benefit's schema declares it with the type written here.
 *
 * <p>Not written, because lefi's register does not hold them: delforman, periodicitet, samordnatBruttobelopp,
 * underlag, grunduppgifter, ersattningsdagar/bedomdadagar (the register holds one daily amount per decision, not
 * the days actually compensated), and every {@code ersattning}: as LefiSifferkod it needs the agency's numeric
 * code, and as a string it names the kind of compensation (e.g. FOREBYGGANDE_SJUKPENNING), which lefi lacks.
 */
final class V9Decisions {

    // Decision properties a beslut schema may declare that lefi can fill.
    static final String FATTADES = "fattades";
    static final String DEFINITIVT = "definitivt";
    static final String FORMAN = "forman";
    static final String PERIOD = "period";
    static final String OMFATTNING = "omfattning";
    /** omfattning as [LefiOmfattning] (maxItems 1), LefiEfterlevandepensionBeslut only. */
    static final String OMFATTNING_LIST = "omfattning[]";
    static final String DAGAR = "dagar";
    static final String KARENS = "karens";
    static final String BESLUTSUTFALL = "beslutsutfall";
    static final String BESLUTSTYP = "beslutstyp";
    static final String ERSATTNINGSNIVA = "ersattningsniva";
    static final String BRUTTOBELOPP = "beslutatBruttobelopp";

    /**
     * A case list of LefiFormansinformation. {@code started}: the case has startades and aktivt;
     * {@code avslaget}: it also has avslaget; {@code singleBeslut}: beslut is one object, not a list
     * (LefiMerkostnadsersattningArende, LefiOmvardnadsbidragArende), so each decision makes a case of its own.
     */
    record CaseShape(String list, boolean started, boolean avslaget, boolean singleBeslut, Set<String> beslut) {
    }

    private static final Set<String> MONTHLY = Set.of(FATTADES, DEFINITIVT, FORMAN, PERIOD, BRUTTOBELOPP);
    private static final Set<String> MONTHLY_WITH_EXTENT = Set.of(FATTADES, DEFINITIVT, FORMAN, PERIOD, BRUTTOBELOPP, OMFATTNING);
    private static final Set<String> DAILY = Set.of(FATTADES, DEFINITIVT, FORMAN, PERIOD, OMFATTNING, DAGAR);
    private static final Set<String> SICKNESS = Set.of(FATTADES, DEFINITIVT, FORMAN, PERIOD, OMFATTNING, DAGAR, KARENS,
            BESLUTSUTFALL, BESLUTSTYP, ERSATTNINGSNIVA);

    static final CaseShape AKTIVITETSSTOD = new CaseShape("aktivitetsstodsarende", true, true, false,
            Set.of(FATTADES, DEFINITIVT, FORMAN, PERIOD, BRUTTOBELOPP, DAGAR, KARENS));
    static final CaseShape ALLMANPENSION = new CaseShape("allmanpensionsarende", false, false, false, MONTHLY_WITH_EXTENT);
    static final CaseShape ARBETSSKADE_EGEN = new CaseShape("arbetsskadeegenlivrantearende", true, true, false, MONTHLY);
    static final CaseShape BARNBIDRAG = new CaseShape("barnbidragsarende", false, false, false, MONTHLY);
    static final CaseShape BOSTADSBIDRAG = new CaseShape("bostadsbidragsarende", true, true, false, MONTHLY);
    static final CaseShape BOSTADSTILLAGG = new CaseShape("bostadstillaggsarende", true, true, false, MONTHLY);
    static final CaseShape EFTERLEVANDEPENSION = new CaseShape("efterlevandepensionsarende", false, false, false,
            Set.of(FATTADES, DEFINITIVT, FORMAN, PERIOD, BRUTTOBELOPP, OMFATTNING_LIST));
    static final CaseShape MOTTAGARE_AV_BARNBIDRAG = new CaseShape("mottagareavbarnbidrag", false, false, false, MONTHLY);
    static final CaseShape FORALDRAPENNING = new CaseShape("foraldrapenningarende", true, true, false, DAILY);
    static final CaseShape FOREBYGGANDE_SJUKPENNING = new CaseShape("forebyggandeSjukpenningsarende", true, false, false, SICKNESS);
    static final CaseShape HANDIKAPPERSATTNING = new CaseShape("handikappersattningsarende", true, true, false, MONTHLY_WITH_EXTENT);
    static final CaseShape GRAVIDITETSPENNING = new CaseShape("graviditetspenningsarende", true, true, false, DAILY);
    static final CaseShape MERKOSTNADSERSATTNING = new CaseShape("merkostnadsersattningsarende", true, true, true, MONTHLY);
    static final CaseShape NARSTAENDEPENNING = new CaseShape("narstaendepenningarende", true, true, false,
            Set.of(FATTADES, DEFINITIVT, FORMAN, PERIOD, OMFATTNING, DAGAR, KARENS));
    static final CaseShape OMVARDNADSBIDRAG = new CaseShape("omvardnadsbidragsarende", true, true, true, MONTHLY);
    static final CaseShape PROGRAMERSATTNING = new CaseShape("programersattningsarende", false, false, false, MONTHLY);
    static final CaseShape REHABERSATTNING = new CaseShape("rehabersattningsarende", true, false, false, SICKNESS);
    static final CaseShape SJUK_OCH_AKTIVITETSERSATTNING = new CaseShape("sjukOchAktivitetsersattningsarende", true, true, false,
            MONTHLY_WITH_EXTENT);
    static final CaseShape SJUKPENNING = new CaseShape("sjukpenningarende", true, false, false, SICKNESS);
    static final CaseShape SMITTBARARERSATTNING = new CaseShape("smittbararersattningsarende", true, true, false, DAILY);
    static final CaseShape TILLFALLIG_FORALDRAPENNING = new CaseShape("tillfalligForaldrapenningarende", true, true, false, DAILY);
    static final CaseShape TOTALFORSVARSPLIKT = new CaseShape("totalforsvarspliktsarende", true, true, false, DAILY);
    static final CaseShape UNDERHALLSSTOD_MOTTAG = new CaseShape("underhallsstodsmottag", true, true, false, MONTHLY);
    static final CaseShape VARDBIDRAG = new CaseShape("vardbidragsarende", true, true, false, MONTHLY_WITH_EXTENT);

    /** Benefit group -> case list. Every one of the 27 FK benefit groups has one. */
    static final Map<InformationType, CaseShape> CASES = new EnumMap<>(InformationType.class);

    static {
        CASES.put(InformationType.ABB, BARNBIDRAG);
        CASES.put(InformationType.AP, ALLMANPENSION);
        // AS: aktivitetsstöd. Aktivitetsersättning belongs to SA (sjuk- och aktivitetsersättning), and AS is the
        // only code left for the schema's aktivitetsstodsarende.
        CASES.put(InformationType.AS, AKTIVITETSSTOD);
        CASES.put(InformationType.BOB, BOSTADSBIDRAG);
        // BST (FK's bostadstillägg to people with sjuk- or aktivitetsersättning) and BTI (the pensioners'
        // bostads- och inkomststöd) are both bostadstillägg; the schema has one list for them.
        CASES.put(InformationType.BST, BOSTADSTILLAGG);
        CASES.put(InformationType.BTI, BOSTADSTILLAGG);
        // DPE: dagpenning till totalförsvarspliktiga, the only day-based benefit left for totalforsvarspliktsarende.
        CASES.put(InformationType.DPE, TOTALFORSVARSPLIKT);
        // EJO (etableringsersättning), PJOB (jobb- och utvecklingsgarantin) and PROG: compensation for taking part
        // in a labour-market programme, which is what programersattningsarende holds. programjobdagar (days used
        // in the job guarantee) and programanvisning (FK:PANV, other information) are counters/assignments that
        // the register does not hold.
        CASES.put(InformationType.EJO, PROGRAMERSATTNING);
        CASES.put(InformationType.PJOB, PROGRAMERSATTNING);
        CASES.put(InformationType.PROG, PROGRAMERSATTNING);
        // ET: efterlevandepension (the survivor's pension, FK's counterpart of PM:EF).
        CASES.put(InformationType.ET, EFTERLEVANDEPENSION);
        CASES.put(InformationType.FP, FORALDRAPENNING);
        CASES.put(InformationType.FSJP, FOREBYGGANDE_SJUKPENNING);
        // GP: graviditetspenning, an FK benefit whose case list has no other code (garantipension is part of
        // allmän pension, AP).
        CASES.put(InformationType.GP, GRAVIDITETSPENNING);
        CASES.put(InformationType.HE, HANDIKAPPERSATTNING);
        // MABB: barnbidrag where the child itself receives it ("mottagaren är barnet självt").
        CASES.put(InformationType.MABB, MOTTAGARE_AV_BARNBIDRAG);
        CASES.put(InformationType.MEK, MERKOSTNADSERSATTNING);
        CASES.put(InformationType.NP, NARSTAENDEPENNING);
        CASES.put(InformationType.OMV, OMVARDNADSBIDRAG);
        CASES.put(InformationType.RBE, REHABERSATTNING);
        CASES.put(InformationType.SA, SJUK_OCH_AKTIVITETSERSATTNING);
        // SBP: smittbärarpenning, paid as smittbärarersättning.
        CASES.put(InformationType.SBP, SMITTBARARERSATTNING);
        CASES.put(InformationType.SJP, SJUKPENNING);
        CASES.put(InformationType.TFP, TILLFALLIG_FORALDRAPENNING);
        // US: the register's underhållsstöd decisions are support paid to the person (mottagande), not the
        // agency's claim on a liable parent (underhallsstodskrav).
        CASES.put(InformationType.US, UNDERHALLSSTOD_MOTTAG);
        CASES.put(InformationType.VB, VARDBIDRAG);
        // YL: livränta vid arbetsskada, the person's own annuity. The register's cases are recent, so they fall
        // under the lag om arbetsskadeförsäkring (arbetsskada), not the pre-1977 yrkesskada laws.
        CASES.put(InformationType.YL, ARBETSSKADE_EGEN);
    }

    private V9Decisions() {
    }

    /** Adds the case lists for {@code decisions} (all of benefit types with a case list) to {@code formansinformation}. */
    static void addCases(JsonObjectBuilder formansinformation, List<Decision> decisions) {
        // One entry per case: (benefit, caseStart), in the order of the decisions; a single-beslut shape makes
        // one case per decision.
        Map<CaseShape, Map<Object, List<Decision>>> byList = new LinkedHashMap<>();
        for (Decision d : decisions) {
            CaseShape shape = CASES.get(d.benefit());
            if (shape == null) {
                continue;
            }
            Object caseKey = shape.singleBeslut() ? d : List.of(d.benefit(), String.valueOf(d.caseStart()));
            byList.computeIfAbsent(shape, s -> new LinkedHashMap<>()).computeIfAbsent(caseKey, k -> new ArrayList<>()).add(d);
        }
        List<CaseShape> shapes = new ArrayList<>(byList.keySet());
        shapes.sort(Comparator.comparing(CaseShape::list));
        for (CaseShape shape : shapes) {
            List<List<Decision>> cases = new ArrayList<>(byList.get(shape).values());
            cases.sort(Comparator.comparing((List<Decision> c) -> c.get(0).caseStart(), Comparator.nullsLast(Comparator.naturalOrder())));
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (List<Decision> c : cases) {
                list.add(caseObject(shape, c));
            }
            formansinformation.add(shape.list(), list);
        }
    }

    private static JsonObject caseObject(CaseShape shape, List<Decision> decisions) {
        JsonObjectBuilder c = Json.createObjectBuilder();
        Decision first = decisions.get(0);
        if (shape.started()) {
            if (first.caseStart() != null) {
                c.add("startades", first.caseStart().toString());
            }
            c.add("aktivt", decisions.stream().anyMatch(Decision::caseActive));
        }
        if (shape.avslaget()) {
            c.add("avslaget", decisions.stream().allMatch(d -> REFUSED.equals(d.outcome())));
        }
        if (shape.singleBeslut()) {
            c.add("beslut", beslut(shape, first));
        } else {
            JsonArrayBuilder list = Json.createArrayBuilder();
            decisions.forEach(d -> list.add(beslut(shape, d)));
            c.add("beslut", list);
        }
        return c.build();
    }

    /** The register's outcome of a refused decision; also the agency's word for it (beslutsutfall AVSLAG). */
    static final String REFUSED = "AVSLAG";
    /** The register's "granted"; the agency writes BEVILJAN in beslutsutfall. */
    private static final String GRANTED = "BEVILJAT";

    private static JsonObject beslut(CaseShape shape, Decision d) {
        Set<String> p = shape.beslut();
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (p.contains(FATTADES) && d.decisionDate() != null) {
            b.add(FATTADES, d.decisionDate().toString());
        }
        if (p.contains(DEFINITIVT)) {
            b.add(DEFINITIVT, d.finalDecision());
        }
        if (p.contains(FORMAN)) {
            b.add(FORMAN, V9Json.bokstavskod(V9Codes.code(d.benefit())));
        }
        if (p.contains(PERIOD) && (d.periodFrom() != null || d.periodTom() != null)) {
            b.add(PERIOD, V9Json.franTill(d.periodFrom(), d.periodTom()));
        }
        if (d.extent() != null) {
            JsonObject extent = Json.createObjectBuilder()
                    .add("taljare", d.extent().numerator()).add("namnare", d.extent().denominator()).build();
            if (p.contains(OMFATTNING)) {
                b.add(OMFATTNING, extent);
            } else if (p.contains(OMFATTNING_LIST)) {
                b.add(OMFATTNING, Json.createArrayBuilder().add(extent));
            }
        }
        if (p.contains(DAGAR)) {
            Integer days = wholeDays(d.days());
            // The schema's dagar is an integer; a fractional net day count (days x extent) cannot be written
            // without rounding, and the extent is given beside it, so it is left out rather than altered.
            if (days != null) {
                b.add(DAGAR, days);
            }
        }
        if (p.contains(KARENS)) {
            b.add(KARENS, d.waitingDayDeduction());
        }
        if (p.contains(BESLUTSUTFALL) && d.outcome() != null) {
            b.add(BESLUTSUTFALL, GRANTED.equals(d.outcome()) ? "BEVILJAN" : d.outcome());
        }
        if (p.contains(BESLUTSTYP) && d.decisionType() != null) {
            // The register's decision type (NYTT, ANDRING, FORLANGNING); the schema allows other values than
            // SLUTLIGT/INTERMISTISKT, and whether a decision is final is in definitivt.
            b.add(BESLUTSTYP, d.decisionType());
        }
        if (p.contains(ERSATTNINGSNIVA) && d.compensationLevel() != null) {
            // The register's level is a percentage of the qualifying income, e.g. "80" or "77.6".
            b.add(ERSATTNINGSNIVA, d.compensationLevel().stripTrailingZeros().toPlainString());
        }
        // beslutatBruttobelopp is not written: v9 states it per periodicitet (monthly, quarterly, ...), and the
        // register holds a per-day amount without the decision's periodicity. Written as it stands, a monthly
        // child allowance of 1,250 SEK would read as 41 SEK; the amounts paid are in utbetalningsuppgift.
        return b.build();
    }

    private static Integer wholeDays(BigDecimal days) {
        if (days == null || days.signum() < 0) {
            return null;
        }
        try {
            return days.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
