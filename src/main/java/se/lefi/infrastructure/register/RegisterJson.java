package se.lefi.infrastructure.register;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.util.Optional;
import se.lefi.domain.subscription.NotificationContent;
import se.lefi.domain.subscription.RegisterChange;

/**
 * JSON of the register's records, with JSON-B: the change feed's lines ({@code {"decision": {...}}},
 * {@code {"payment": ...}} or {@code {"sgi": ...}}, field names as in the domain records) and the
 * stored content of notifications.
 */
public final class RegisterJson {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private RegisterJson() {
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    /** One line of a change feed, or empty when it is not such JSON (the caller reports the line number). */
    public static Optional<RegisterChange> change(String line) {
        try {
            return Optional.ofNullable(JSONB.fromJson(line, RegisterChange.class));
        } catch (JsonbException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public static NotificationContent content(String json) {
        return JSONB.fromJson(json, NotificationContent.class);
    }

    public static RegisterChange storedChange(String json) {
        return JSONB.fromJson(json, RegisterChange.class);
    }
}
