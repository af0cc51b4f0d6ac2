package se.lefi.interfaces.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import se.lefi.domain.subscription.PushBatch;
import se.lefi.domain.subscription.PushBodyFormat;

/** The body of a push, in the form this interface's pull feed gives the same notifications. */
@ApplicationScoped
public class PushJson implements PushBodyFormat {
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** What a receiver gets: the notifications in order, in the pull feed's form. */
    public record Push(String organisationNumber, long lastSequence, List<SubscriptionJson.NotificationOut> notification) {
    }

    @Override
    public String body(PushBatch batch) {
        return JSONB.toJson(new Push(batch.organisationNumber(), batch.upTo(),
                batch.notifications().stream().map(SubscriptionJson.NotificationOut::of).toList()));
    }
}
