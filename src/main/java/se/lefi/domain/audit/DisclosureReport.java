package se.lefi.domain.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The individual's disclosure report (registerutdrag över utlämnanden): every time one person's data left
 * the service in a period, the subscriptions that monitored the person, and, apart, the attempts that were
 * refused. Built from the audit log alone; it holds nothing about any other person (a named web user is
 * shown by organisation only).
 *
 * @param from the first day of the period (Swedish time)
 * @param to   the last day of the period, inclusive
 */
public record DisclosureReport(String personId, LocalDate from, LocalDate to, Instant generatedAt,
                               List<Disclosure> disclosures, List<MonitoringSubscription> subscriptions,
                               List<RefusedAttempt> refusals) {

    public DisclosureReport {
        Objects.requireNonNull(personId, "personId");
        disclosures = List.copyOf(disclosures);
        subscriptions = List.copyOf(subscriptions);
        refusals = List.copyOf(refusals);
    }

    /** An organisation as the report names it; {@code name} and {@code kind} are null if it is no longer known. */
    public record Party(String organisationNumber, String name, String kind) {
    }

    /**
     * One disclosure: when, to whom (and for whom, when an agent asked for a principal), how (the interface
     * and operation; whether a named case handler asked on the web), why (purpose, legal basis, consent or
     * case) and what (the information types).
     */
    public record Disclosure(Instant at, Party recipient, Party principal, boolean byNamedWebUser, String interfaceName,
                             String operation, String purpose, String legalBasis, String consentReference, String caseId,
                             List<String> informationTypes) {
        public Disclosure {
            informationTypes = List.copyOf(informationTypes);
        }
    }

    /**
     * One subscription (prenumeration) on the person that was in force during the period, with the
     * notifications produced for it within the period.
     */
    public record MonitoringSubscription(Party subscriber, Party principal, String purpose, String legalBasis,
                                         List<String> informationTypes, LocalDate from, Instant orderedAt, LocalDate endedOn,
                                         String endReason, long notifications) {
        public MonitoringSubscription {
            informationTypes = List.copyOf(informationTypes);
        }
    }

    /** An attempt that was refused: nothing left the service, but the person was named in it. */
    public record RefusedAttempt(Instant at, Party caller, String interfaceName, String operation, String purpose,
                                 String refusalCode) {
    }
}
