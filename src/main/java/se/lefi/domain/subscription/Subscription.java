package se.lefi.domain.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import se.lefi.domain.access.BenefitQuestion;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.register.InformationType;

/**
 * One monitored person for one organisation (bevakning): what was ordered and decided, and, once it
 * has ended, when and why ({@code CANCELLED}, {@code REPLACED} or the refusal code that stopped it).
 * {@code afterChange}: the register changes up to this number are in the data already sent.
 */
public record Subscription(long id, long organisationId, String organisationNumber, String principalNumber, String personId,
                           Set<InformationType> informationTypes, Purpose purpose, String legalBasis, ConsentReference consent,
                           String caseId, LocalDate from, String orderId, Instant orderedAt, long afterChange,
                           LocalDate consentWithdrawnFrom, LocalDate endedOn, String endReason) {

    public static final String CANCELLED = "CANCELLED";
    public static final String REPLACED = "REPLACED";

    public Subscription {
        informationTypes = Set.copyOf(informationTypes);
    }

    /** The record's person, purpose, legal basis, consent and case: the terms it was ordered under. */
    public AuditRecord describe(AuditRecord record, String correlationId) {
        return record.principal(principalNumber)
                .subject(personId, purpose.name(), correlationId)
                .basis(legalBasis, consent == null ? null : consent.auditText(), caseId);
    }

    /** The question the subscription stands for on {@code today}: its decision is re-run on it. */
    public BenefitQuestion question(LocalDate today) {
        return new BenefitQuestion(personId, from, today.isBefore(from) ? from : today, List.copyOf(informationTypes), purpose,
                consent, caseId, principalNumber, orderId);
    }

    public boolean consentWithdrawnOn(LocalDate day) {
        return consentWithdrawnFrom != null && !day.isBefore(consentWithdrawnFrom);
    }
}
