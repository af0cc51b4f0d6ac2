package se.lefi.interfaces.rest.v1;

import se.lefi.domain.time.SwedishTime;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import se.lefi.application.subscription.SubscriptionService;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.access.Identifiers;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.subscription.Notification;
import se.lefi.domain.subscription.NotificationContent;

/**
 * JSON of the subscription service's REST interface. Requests are read field by field, so a bad one
 * gets a 400 naming the field (never its value); notifications use the question's names
 * ({@code personInformation}, {@code decision}, {@code payment}, {@code sgi}).
 */
public final class SubscriptionJson {

    /** A request field that is missing or malformed; the message names the field only. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }

    public record PersonOut(int index, String requestId, Long subscriptionId, String code, String message) {
    }

    public record ReceiptOut(String orderId, List<PersonOut> person) {
        static ReceiptOut of(SubscriptionService.Receipt r) {
            return new ReceiptOut(r.orderId(), r.persons().stream().map(p -> new PersonOut(p.index(), p.requestId(), p.subscriptionId(),
                    p.refusal() == null ? null : p.refusal().code().name(), p.refusal() == null ? null : p.refusal().message())).toList());
        }
    }

    public record NotificationOut(long sequence, String personId, String kind, String itemKind, String itemId, String change,
                                  Long changeNumber, OffsetDateTime registerTime, String requestId,
                                  BenefitInformationJson.PersonInformation personInformation,
                                  List<BenefitInformationJson.DecisionOut> decision, List<BenefitInformationJson.PaymentOut> payment,
                                  List<BenefitInformationJson.SgiOut> sgi) {
        public static NotificationOut of(Notification n) {
            NotificationContent c = n.content();
            return new NotificationOut(n.sequence(), n.personId(), c.kind().name(),
                    c.itemKind() == null ? null : c.itemKind().name(), c.itemId(), c.change() == null ? null : c.change().name(),
                    n.changeNumber(), n.registerTime().truncatedTo(ChronoUnit.MICROS).atZone(SwedishTime.ZONE).toOffsetDateTime(),
                    n.requestId(),
                    c.person() == null ? null : new BenefitInformationJson.PersonInformation(c.person().birthDate(),
                            c.person().coordinationNumber(), c.person().municipalityCode()),
                    c.decisions().stream().map(BenefitInformationJson.DecisionOut::of).toList(),
                    c.payments().stream().map(BenefitInformationJson.PaymentOut::of).toList(),
                    c.sgi().stream().map(BenefitInformationJson.SgiOut::of).toList());
        }
    }

    public record FeedOut(long lastSequence, long acknowledged, List<NotificationOut> notification) {
        static FeedOut of(SubscriptionService.FeedPage page) {
            return new FeedOut(page.lastSequence(), page.acknowledged(), page.notifications().stream().map(NotificationOut::of).toList());
        }
    }

    private SubscriptionJson() {
    }

    static SubscriptionService.NewOrder newOrder(JsonObject o) {
        JsonObject consent = o.containsKey("consent") && o.get("consent").getValueType() == JsonValue.ValueType.OBJECT
                ? o.getJsonObject("consent") : null;
        List<InformationType> types = new ArrayList<>();
        for (String name : strings(o, "informationTypes")) {
            types.add(enumValue(InformationType.class, name, "informationTypes"));
        }
        String purpose = string(o, "purpose", true);
        return new SubscriptionService.NewOrder(strings(o, "personIds"), types, enumValue(Purpose.class, purpose, "purpose"),
                consent == null ? null : new ConsentReference(identifier(consent, "consentId", true), date(consent, "givenOn", true),
                        string(consent, "scope", false)),
                identifier(o, "caseId", false), date(o, "from", true), identifier(o, "correlationId", false));
    }

    static List<String> strings(JsonObject o, String field) {
        if (!o.containsKey(field) || o.get(field).getValueType() != JsonValue.ValueType.ARRAY) {
            throw new BadRequest(field + " must be a list of strings");
        }
        JsonArray array = o.getJsonArray(field);
        List<String> out = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)) {
                throw new BadRequest(field + " must be a list of strings");
            }
            out.add(s.getString());
        }
        return out;
    }

    static String string(JsonObject o, String field, boolean required) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new BadRequest(field + " is required");
            }
            return null;
        }
        if (!(v instanceof JsonString s) || s.getString().length() > 100) {
            throw new BadRequest(field + " must be a string of at most 100 characters");
        }
        return s.getString();
    }

    /** A case, consent or correlation id: the same rule as the SOAP contract's IdentifierType. */
    static String identifier(JsonObject o, String field, boolean required) {
        String text = string(o, field, required);
        if (text != null && !Identifiers.isValid(text)) {
            throw new BadRequest(field + " must be 1 to " + Identifiers.MAX_LENGTH + " of letters A-Z, digits and . _ : / -");
        }
        return text;
    }

    static LocalDate date(JsonObject o, String field, boolean required) {
        String text = string(o, field, required);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(field + " must be a date (YYYY-MM-DD)");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String field) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(field + " holds an unknown code");
        }
    }
}
