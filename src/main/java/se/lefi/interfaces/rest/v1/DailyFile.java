package se.lefi.interfaces.rest.v1;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import se.lefi.domain.subscription.Notification;

/**
 * The daily file of an organisation's notifications, as a batch system reads it: a header line, then
 * one line per notification in sequence order; the last field is the notification as JSON (the
 * feed's form), in double quotes with quotes doubled (RFC 4180).
 */
final class DailyFile {
    static final String HEADER = "sequence;personId;kind;changeNumber;registerTime;requestId;notification";
    private static final Jsonb JSONB = JsonbBuilder.create();

    private DailyFile() {
    }

    static String csv(List<Notification> notifications) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Notification n : notifications) {
            SubscriptionJson.NotificationOut json = SubscriptionJson.NotificationOut.of(n);
            out.append(n.sequence()).append(';').append(n.personId()).append(';').append(json.kind()).append(';')
                    .append(n.changeNumber() == null ? "" : n.changeNumber()).append(';').append(json.registerTime()).append(';')
                    .append(n.requestId()).append(";\"").append(JSONB.toJson(json).replace("\"", "\"\"")).append("\"\r\n");
        }
        return out.toString();
    }
}
