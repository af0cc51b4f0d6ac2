package se.lefi.interfaces.v9;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.Sgi;
import se.lefi.domain.register.SourceStatus;
import se.lefi.interfaces.v9.InvalidV9Question.Reason;

/**
 * The wire mapping of LEFI Förmånsinformation v9 (the agency's JSON contract, OpenAPI 3.0.1), written with
 * JSON-P so that exactly the schema's properties appear: absent values are left out, never written as null,
 * and nothing the schema does not declare is written (a client generated from the schema refuses unknown
 * properties). Where the contract's examples and its schema disagree, this follows the schema.
 *
 * <p>Lefi holds only Försäkringskassan's data. Pensionsmyndigheten is reported as an unavailable source
 * (OTILLGANGLIG), and PM's own answer model (top-level ansprak, beslut, utbetalningar, ...) is never written.
 */
public final class V9Json {

    /** Largest question body accepted, checked by callers before parsing. */
    public static final int MAX_QUESTION_BYTES = 64 * 1024;
    /** Longest string (value or property name) in a question. */
    static final int MAX_STRING = 64;
    /** Most items in one list of a question. */
    static final int MAX_ITEMS = 64;

    static final String SEK = "SEK";
    /** foretag of a payment: the paying agency's numeric code in LefiUtbetalningUppgift. */
    private static final int FK_COMPANY = 1001;

    private static final Pattern PERSONNUMMER = Pattern.compile("^([0-9]{2})?([0-9]{10})$");
    private static final Pattern MUNICIPALITY = Pattern.compile("[0-9]{4}");
    /** The register's canonical form, which GEPI gives (the schema also allows 10 digits). */
    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private V9Json() {
    }

    // ---------------------------------------------------------------------------------------------
    // The question

    /**
     * Parses a question (LefiExternFormansinformationFraga). Bounded: refuses more than
     * {@link #MAX_QUESTION_BYTES}, any string longer than 64 characters and any list of more than 64 items,
     * as the parser meets them; every check is linear in the input.
     */
    public static V9Question parseQuestion(byte[] json) throws InvalidV9Question {
        if (json == null || json.length == 0) {
            throw new InvalidV9Question(Reason.NOT_JSON);
        }
        if (json.length > MAX_QUESTION_BYTES) {
            throw new InvalidV9Question(Reason.TOO_LARGE);
        }
        try (JsonParser p = PARSERS.createParser(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
            if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidV9Question(Reason.NOT_AN_OBJECT);
            }
            QuestionDraft q = new QuestionDraft();
            Set<String> seen = new HashSet<>();
            for (JsonParser.Event e = p.next(); e != JsonParser.Event.END_OBJECT; e = p.next()) {
                String key = boundedString(p); // e is KEY_NAME inside an object
                if (!seen.add(key)) {
                    throw new InvalidV9Question(Reason.DUPLICATE_PROPERTY);
                }
                switch (key) {
                    case "personnummer" -> q.personnummer = personnummer(p);
                    case "period" -> period(p, q);
                    case "formansinformation" -> q.formansinformation = codes(p, V9Codes.FK_BENEFITS.keySet());
                    case "ansprak" -> q.ansprak = codes(p, V9Codes.PM_BENEFITS.keySet());
                    case "beslut" -> q.beslut = codes(p, V9Codes.PM_BENEFITS.keySet());
                    case "preliminaraUtbetalningar" -> q.preliminaraUtbetalningar = codes(p, V9Codes.EXTERN_BENEFITS);
                    case "utbetalningar" -> q.utbetalningar = codes(p, V9Codes.EXTERN_BENEFITS);
                    case "ovrigInformation" -> q.ovrigInformation = codes(p, V9Codes.OTHER_INFORMATION.keySet());
                    default -> throw new InvalidV9Question(Reason.UNKNOWN_PROPERTY);
                }
            }
            if (p.hasNext()) { // anything but white space after the object
                throw new InvalidV9Question(Reason.NOT_JSON);
            }
            if (q.personnummer == null) {
                throw new InvalidV9Question(Reason.MISSING_PERSONNUMMER);
            }
            if (q.from == null || q.tom == null) {
                throw new InvalidV9Question(Reason.MISSING_PERIOD);
            }
            return new V9Question(q.personnummer, q.from, q.tom, q.formansinformation, q.ansprak, q.beslut,
                    q.preliminaraUtbetalningar, q.utbetalningar, q.ovrigInformation);
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            // Parser failures carry fragments of the input in their messages: they are not passed on.
            throw new InvalidV9Question(Reason.NOT_JSON);
        }
    }

    private static final class QuestionDraft {
        String personnummer;
        LocalDate from;
        LocalDate tom;
        List<String> formansinformation;
        List<String> ansprak;
        List<String> beslut;
        List<String> preliminaraUtbetalningar;
        List<String> utbetalningar;
        List<String> ovrigInformation;
    }

    private static String boundedString(JsonParser p) throws InvalidV9Question {
        String s = p.getString();
        if (s.length() > MAX_STRING) {
            throw new InvalidV9Question(Reason.TOO_LONG);
        }
        return s;
    }

    private static String stringValue(JsonParser p) throws InvalidV9Question {
        if (p.next() != JsonParser.Event.VALUE_STRING) {
            throw new InvalidV9Question(Reason.WRONG_TYPE);
        }
        return boundedString(p);
    }

    private static String personnummer(JsonParser p) throws InvalidV9Question {
        String s = stringValue(p);
        // The check digit is the decision's to check, with its own refusal code.
        if (s.length() > 12 || !PERSONNUMMER.matcher(s).matches()) {
            throw new InvalidV9Question(Reason.INVALID_PERSONNUMMER);
        }
        return s;
    }

    private static void period(JsonParser p, QuestionDraft q) throws InvalidV9Question {
        if (p.next() != JsonParser.Event.START_OBJECT) {
            throw new InvalidV9Question(Reason.WRONG_TYPE);
        }
        Set<String> seen = new HashSet<>();
        for (JsonParser.Event e = p.next(); e != JsonParser.Event.END_OBJECT; e = p.next()) {
            String key = boundedString(p);
            if (!seen.add(key)) {
                throw new InvalidV9Question(Reason.DUPLICATE_PROPERTY);
            }
            switch (key) {
                case "from" -> q.from = date(stringValue(p));
                case "tom" -> q.tom = date(stringValue(p));
                default -> throw new InvalidV9Question(Reason.UNKNOWN_PROPERTY);
            }
        }
        if (q.from == null || q.tom == null) {
            throw new InvalidV9Question(Reason.MISSING_PERIOD);
        }
    }

    private static LocalDate date(String s) throws InvalidV9Question {
        // format: date is RFC 3339 full-date: exactly YYYY-MM-DD (ISO_LOCAL_DATE would also take +10000-01-01).
        if (s.length() != 10) {
            throw new InvalidV9Question(Reason.INVALID_DATE);
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            throw new InvalidV9Question(Reason.INVALID_DATE);
        }
    }

    private static List<String> codes(JsonParser p, Set<String> allowed) throws InvalidV9Question {
        if (p.next() != JsonParser.Event.START_ARRAY) {
            throw new InvalidV9Question(Reason.WRONG_TYPE);
        }
        List<String> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonParser.Event e = p.next(); e != JsonParser.Event.END_ARRAY; e = p.next()) {
            if (codes.size() == MAX_ITEMS) {
                throw new InvalidV9Question(Reason.TOO_MANY_ITEMS);
            }
            if (e != JsonParser.Event.VALUE_STRING) {
                throw new InvalidV9Question(Reason.WRONG_TYPE);
            }
            String code = boundedString(p);
            if (!allowed.contains(code)) {
                throw new InvalidV9Question(Reason.UNKNOWN_CODE);
            }
            if (!seen.add(code)) { // uniqueItems
                throw new InvalidV9Question(Reason.DUPLICATE_CODE);
            }
            codes.add(code);
        }
        return codes;
    }

    // ---------------------------------------------------------------------------------------------
    // The answer

    /** The 200 answer (LefiExternFormansinformationSvar) for a granted question. */
    public static JsonObject answer(V9Question question, BenefitAnswer answer, LocalDate today) {
        Set<InformationType> withheld = answer.withheld() == null ? Set.of() : answer.withheld();
        JsonObjectBuilder svar = Json.createObjectBuilder();

        JsonArrayBuilder utlamnare = Json.createArrayBuilder();
        boolean anySource = false;
        if (question.anyFkAsked()) {
            utlamnare.add(source("FK", "Försäkringskassan", "OK", "Tillgänglig"));
            anySource = true;
        }
        if (question.anyPmAsked()) {
            // Lefi does not hold Pensionsmyndigheten's data: the source is unavailable, not the question wrong.
            utlamnare.add(source("PM", "Pensionsmyndigheten", "OTILLGANGLIG", "Otillgänglig"));
            anySource = true;
        }
        if (anySource) {
            svar.add("utlamnare", utlamnare);
        }
        svar.add("avvikelser", deviations(question, answer, withheld));
        svar.add("formansinformation", formansinformation(question, answer, withheld, today));
        return svar.build();
    }

    private static JsonObject source(String code, String name, String state, String description) {
        return Json.createObjectBuilder()
                .add("utlamnare", Json.createObjectBuilder().add("kod", code).add("namn", name))
                .add("tillstand", Json.createObjectBuilder().add("kod", state).add("beskrivning", description))
                .build();
    }

    static final String UNAUTHORISED_TEXT = "Frågeställaren är inte behörig att ta del av denna information.";
    static final String NOT_PROVIDED_TEXT = "Denna tjänst tillhandahåller inte denna typ av information.";
    static final String SOURCE_UNAVAILABLE_TEXT = "Informationen kunde inte hämtas från källan.";

    /**
     * LefiExternFormansinformationAvvikelser: for each asked FK type the agreement withholds, OBEHORIG in the
     * class it was asked in; for a held type whose source could not answer, INTERNT_FEL; for FK:PANV, FK:SKUP
     * and FK:STAV, which this service does not provide, INTERNT_FEL. PM codes get none: the schema creates no
     * deviation for types whose source (utlämnare) could not deliver, and PM's state is in utlamnare.
     */
    private static JsonObject deviations(V9Question q, BenefitAnswer answer, Set<InformationType> withheld) {
        JsonObjectBuilder a = Json.createObjectBuilder();
        addIfAny(a, "formansinformation", benefitDeviations(q.formansinformation(), answer, withheld));
        addIfAny(a, "preliminaraUtbetalningar", benefitDeviations(q.preliminaraUtbetalningar(), answer, withheld));
        addIfAny(a, "utbetalningar", benefitDeviations(q.utbetalningar(), answer, withheld));
        List<JsonObject> other = new ArrayList<>();
        for (String code : q.ovrigInformation()) {
            InformationType type = V9Codes.heldOtherInformation(code);
            String[] deviation = type != null ? deviation(type, answer, withheld)
                    : V9Codes.NOT_PROVIDED_OTHER_INFORMATION.contains(code) ? new String[] {"INTERNT_FEL", NOT_PROVIDED_TEXT} : null;
            if (deviation != null) {
                other.add(Json.createObjectBuilder()
                        .add("avvikelse", avvikelse(deviation))
                        .add("ovrigInformationstyp", kodBeskrivning(code)).build());
            }
        }
        addIfAny(a, "ovrigInformation", other);
        return a.build();
    }

    private static List<JsonObject> benefitDeviations(List<String> codes, BenefitAnswer answer, Set<InformationType> withheld) {
        List<JsonObject> list = new ArrayList<>();
        for (String code : codes) {
            InformationType type = V9Codes.heldBenefit(code);
            String[] deviation = type == null ? null : deviation(type, answer, withheld);
            if (deviation != null) {
                list.add(Json.createObjectBuilder()
                        .add("avvikelse", avvikelse(deviation))
                        .add("formansgrupp", kodBeskrivning(code)).build());
            }
        }
        return list;
    }

    private static String[] deviation(InformationType type, BenefitAnswer answer, Set<InformationType> withheld) {
        if (withheld.contains(type)) {
            return new String[] {"OBEHORIG", UNAUTHORISED_TEXT};
        }
        if (answer.sources() != null && answer.sources().get(type) == SourceStatus.UNAVAILABLE) {
            return new String[] {"INTERNT_FEL", SOURCE_UNAVAILABLE_TEXT};
        }
        return null;
    }

    private static JsonObject avvikelse(String[] deviation) {
        return Json.createObjectBuilder().add("kod", deviation[0]).add("beskrivning", deviation[1]).build();
    }

    private static JsonObject kodBeskrivning(String code) {
        return Json.createObjectBuilder().add("kod", code).add("beskrivning", V9Codes.description(code)).build();
    }

    private static void addIfAny(JsonObjectBuilder b, String name, Collection<JsonObject> items) {
        if (!items.isEmpty()) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            items.forEach(a::add);
            b.add(name, a);
        }
    }

    private static Set<InformationType> granted(List<String> codes, Set<InformationType> withheld) {
        Set<InformationType> types = EnumSet.noneOf(InformationType.class);
        for (String code : codes) {
            InformationType t = V9Codes.heldBenefit(code);
            if (t != null && !withheld.contains(t)) {
                types.add(t);
            }
        }
        return types;
    }

    private static JsonObject formansinformation(V9Question q, BenefitAnswer answer, Set<InformationType> withheld, LocalDate today) {
        JsonObjectBuilder f = Json.createObjectBuilder();

        if (q.ovrigInformation().contains("FK:GEPI") && !withheld.contains(InformationType.GEPI)
                && answer.personInformation() != null) {
            f.add("generellPersoninformation", Json.createArrayBuilder().add(person(answer)));
        }

        Set<InformationType> decisionTypes = granted(q.formansinformation(), withheld);
        List<Decision> decisions = answer.decisions() == null ? List.of()
                : answer.decisions().stream().filter(d -> decisionTypes.contains(d.benefit())).toList();
        V9Decisions.addCases(f, decisions);

        List<Payment> payments = answer.payments() == null ? List.of() : answer.payments();
        Set<InformationType> preliminaryTypes = granted(q.preliminaraUtbetalningar(), withheld);
        addIfAny(f, "preliminarautbetalningar", payments.stream()
                .filter(p -> preliminaryTypes.contains(p.benefit()) && p.paymentDate() != null && p.paymentDate().isAfter(today))
                .map(V9Json::payment).toList());

        if (q.ovrigInformation().contains("FK:SGI") && !withheld.contains(InformationType.SGI) && answer.sgi() != null) {
            addIfAny(f, "sjukpenninggrundandeInkomstuppgift", answer.sgi().stream().map(V9Json::sgi).toList());
        }

        Set<InformationType> paidTypes = granted(q.utbetalningar(), withheld);
        addIfAny(f, "utbetalningsuppgift", payments.stream()
                .filter(p -> paidTypes.contains(p.benefit()) && p.paymentDate() != null && !p.paymentDate().isAfter(today))
                .map(V9Json::payment).toList());
        return f.build();
    }

    /** LefiPersoninformation from what the register holds: no name, address or protection flag (not held). */
    private static JsonObject person(BenefitAnswer answer) {
        PersonInformation info = answer.personInformation();
        JsonObjectBuilder p = Json.createObjectBuilder();
        String id = answer.personId() != null ? answer.personId() : info.personId();
        if (id != null && TWELVE_DIGITS.matcher(id).matches()) {
            p.add("personnummer", id);
        }
        if (info.birthDate() != null) {
            p.add("foddes", info.birthDate().toString());
        }
        String municipality = info.municipalityCode();
        if (municipality != null && MUNICIPALITY.matcher(municipality).matches()) {
            // A kommunkod is län (2 digits) + kommun (2 digits), e.g. 0180 = Stockholms län, Stockholm.
            p.add("folkbokford", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("lan", municipality.substring(0, 2)).add("kommun", municipality.substring(2))));
        }
        return p.build();
    }

    /**
     * LefiUtbetalningUppgift. avdragsbelopp includes the tax (the schema counts tax as a deduction), so it is
     * tax + other deductions, and brutto - avdrag = netto. typ (how it was paid) and the detail rows are left
     * out: the register holds neither the payment method nor the rows (beloppstyper).
     */
    private static JsonObject payment(Payment p) {
        JsonObjectBuilder u = Json.createObjectBuilder();
        u.add("foretag", Json.createObjectBuilder().add("id", FK_COMPANY).add("beskrivning", "Försäkringskassan"));
        u.add("formansfamilj", bokstavskod(V9Codes.code(p.benefit())));
        u.add("datum", p.paymentDate().toString());
        if (p.periodFrom() != null || p.periodTom() != null) {
            u.add("period", franTill(p.periodFrom(), p.periodTom()));
        }
        if (p.grossAmount() != null) {
            u.add("bruttobelopp", belopp(p.grossAmount()));
        }
        if (p.tax() != null) {
            u.add("skattebelopp", belopp(p.tax()));
        }
        if (p.tax() != null || p.deductions() != null) {
            BigDecimal tax = p.tax() == null ? BigDecimal.ZERO : p.tax();
            BigDecimal deductions = p.deductions() == null ? BigDecimal.ZERO : p.deductions();
            u.add("avdragsbelopp", belopp(tax.add(deductions)));
        }
        if (p.netAmount() != null) {
            u.add("nettobelopp", belopp(p.netAmount()));
        }
        return u.build();
    }

    /**
     * LefiSjukpenninggrundandeInkomstUppgift: anstallning is the annual A-income (employment), verksamhet the
     * annual B-income (business). Working time (dagar, timmar) and karens are not held by the register.
     */
    private static JsonObject sgi(Sgi s) {
        JsonObjectBuilder u = Json.createObjectBuilder();
        if (s.setOn() != null) {
            u.add("faststalldes", s.setOn().toString());
        }
        JsonObject typ = sgiType(s.sgiType());
        if (typ != null) {
            u.add("typ", typ);
        }
        BigDecimal employment = sum(s.incomeSources(), IncomeSource.Kind.EMPLOYMENT);
        BigDecimal business = sum(s.incomeSources(), IncomeSource.Kind.BUSINESS);
        if (employment == null && business == null && s.annualIncome() != null) {
            // No sources recorded: the income goes where the SGI's type puts it.
            if ("NARINGSIDKARE".equals(s.sgiType())) {
                business = s.annualIncome();
            } else if ("ANSTALLD".equals(s.sgiType())) {
                employment = s.annualIncome();
            }
        }
        if (employment != null) {
            u.add("anstallning", belopp(employment));
        }
        if (business != null) {
            u.add("verksamhet", belopp(business));
        }
        return u.build();
    }

    /** The schema's typ codes: 0 = A- eller B-inkomst, 1 = Studietid, 2 = Värnplikt, 3 = Livränta. */
    private static JsonObject sgiType(String registerType) {
        if (registerType == null) {
            return null;
        }
        return switch (registerType) {
            case "ANSTALLD", "NARINGSIDKARE", "KOMBINERAD" -> sifferkod(0, "A- eller B-inkomst");
            case "STUDIETID" -> sifferkod(1, "Studietid");
            case "VARNPLIKT" -> sifferkod(2, "Värnplikt");
            case "LIVRANTA" -> sifferkod(3, "Livränta");
            default -> null;
        };
    }

    private static BigDecimal sum(List<IncomeSource> sources, IncomeSource.Kind kind) {
        BigDecimal total = null;
        for (IncomeSource s : sources) {
            if (s.kind() == kind && s.annualAmount() != null) {
                total = total == null ? s.annualAmount() : total.add(s.annualAmount());
            }
        }
        return total;
    }

    // ---------------------------------------------------------------------------------------------
    // Available types, errors

    /** The 200 answer of tillgangligaInformationstyper (LefiExternTillgangligaInformationstyper). */
    public static JsonObject availableTypes(Set<InformationType> allowed) {
        TreeSet<String> benefits = new TreeSet<>();
        TreeSet<String> other = new TreeSet<>();
        for (InformationType t : allowed) {
            if (t.isBenefit()) {
                benefits.add(V9Codes.code(t));
            } else {
                other.add(V9Codes.code(t));
            }
        }
        JsonArrayBuilder formansinformation = Json.createArrayBuilder();
        JsonArrayBuilder preliminary = Json.createArrayBuilder();
        JsonArrayBuilder paid = Json.createArrayBuilder();
        for (String code : benefits) {
            formansinformation.add(kodBeskrivning(code));
            preliminary.add(kodBeskrivning(code));
            paid.add(kodBeskrivning(code));
        }
        JsonArrayBuilder ovrig = Json.createArrayBuilder();
        other.forEach(code -> ovrig.add(kodBeskrivning(code)));
        return Json.createObjectBuilder()
                .add("formansinformation", formansinformation)
                .add("ansprak", Json.createArrayBuilder())
                .add("beslut", Json.createArrayBuilder())
                .add("preliminaraUtbetalningar", preliminary)
                .add("utbetalningar", paid)
                .add("ovrigInformation", ovrig)
                .build();
    }

    /** LefiFelsvar: {meddelande, timestamp}. The message must hold no personal data. */
    public static JsonObject felsvar(String meddelande, Instant timestamp) {
        return Json.createObjectBuilder()
                .add("meddelande", meddelande)
                .add("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp.atOffset(ZoneOffset.UTC)))
                .build();
    }

    // ---------------------------------------------------------------------------------------------
    // Shared shapes

    /** LefiBelopp. */
    static JsonObject belopp(BigDecimal amount) {
        return Json.createObjectBuilder().add("summa", amount).add("valuta", SEK).build();
    }

    /** LefiBokstavskod for an FK benefit code: id is the register's code without the prefix (as the yaml's "SJP"). */
    static JsonObject bokstavskod(String code) {
        return Json.createObjectBuilder().add("id", code.substring(3)).add("beskrivning", V9Codes.description(code)).build();
    }

    static JsonObject sifferkod(int id, String description) {
        return Json.createObjectBuilder().add("id", id).add("beskrivning", description).build();
    }

    /** LefiFranTill. */
    static JsonObject franTill(LocalDate from, LocalDate to) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (from != null) {
            b.add("fran", from.toString());
        }
        if (to != null) {
            b.add("till", to.toString());
        }
        return b.build();
    }
}
