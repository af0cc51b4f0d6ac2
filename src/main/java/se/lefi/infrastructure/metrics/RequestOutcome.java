package se.lefi.infrastructure.metrics;

/**
 * What the audit made of the request this thread is serving: its interface, operation and outcome.
 * {@link ServiceLevelFilter} opens one per request and measures it when the response is done; the
 * audit trail notes into it (EJB calls from a servlet run on the request's thread). Work on other
 * threads (the notification dispatcher) has none and is not a request.
 */
public final class RequestOutcome {
    private static final ThreadLocal<RequestOutcome> CURRENT = new ThreadLocal<>();

    private String interfaceName;
    private String operation;
    private String outcome;

    static RequestOutcome open() {
        RequestOutcome outcome = new RequestOutcome();
        CURRENT.set(outcome);
        return outcome;
    }

    static void close() {
        CURRENT.remove();
    }

    /** Called by the audit trail for each record it writes; the last one of a request counts. */
    public static void note(String interfaceName, String operation, String outcome) {
        RequestOutcome current = CURRENT.get();
        if (current != null) {
            current.interfaceName = interfaceName;
            current.operation = operation;
            current.outcome = outcome;
        }
    }

    boolean audited() {
        return interfaceName != null;
    }

    String interfaceName() {
        return interfaceName;
    }

    String operation() {
        return operation;
    }

    String outcome() {
        return outcome;
    }
}
