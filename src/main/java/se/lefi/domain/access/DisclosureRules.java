package se.lefi.domain.access;

import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.register.InformationType;

/**
 * The named steps of the disclosure decision. Each is a pure function that returns the refusal it
 * finds, if any; the application service runs them in order and stops at the first refusal. The
 * connection step is {@link ConnectionCheck}.
 */
public final class DisclosureRules {
    /** Longer periods need the agreement's explicit exception. */
    static final int MAX_PERIOD_YEARS = 2;

    private DisclosureRules() {
    }

    /** Step 1: the question is well formed — identity numbers, period order, at least one type. */
    public static Optional<Refusal> validateInput(BenefitQuestion question, LocalDate today) {
        if (question.personId() == null || !PersonId.isValid(question.personId(), today)) {
            return refuse(RefusalCode.INVALID_PERSON_ID);
        }
        if (question.principalOrganisationNumber() != null && !OrganisationNumber.isValid(question.principalOrganisationNumber())) {
            return refuse(RefusalCode.INVALID_ORGANISATION_NUMBER);
        }
        if (question.from() == null || question.tom() == null || question.from().isAfter(question.tom())) {
            return refuse(RefusalCode.INVALID_PERIOD);
        }
        if (question.informationTypes().isEmpty() && !question.otherSourcesAsked()) {
            return refuse(RefusalCode.NO_INFORMATION_TYPE);
        }
        return Optional.empty();
    }

    /** Step 1, with the agreement known: a period over two years needs the agreement's exception. */
    public static Optional<Refusal> checkPeriodLength(LocalDate from, LocalDate tom, boolean longPeriodsAllowed) {
        boolean tooLong = tom.isAfter(from.plusYears(MAX_PERIOD_YEARS).minusDays(1));
        return tooLong && !longPeriodsAllowed ? refuse(RefusalCode.PERIOD_TOO_LONG) : Optional.empty();
    }

    /**
     * Step 2: only an agent names a principal, an agent must name one, and the assignment between
     * them must be live on the day of the question.
     */
    public static Optional<Refusal> checkRepresentation(PartyKind callerKind, boolean principalNamed,
                                                        Optional<AgentAssignment> assignment, LocalDate today) {
        if (callerKind != PartyKind.AGENT) {
            return principalNamed ? refuse(RefusalCode.PRINCIPAL_NOT_ALLOWED) : Optional.empty();
        }
        if (!principalNamed) {
            return refuse(RefusalCode.PRINCIPAL_MISSING);
        }
        return assignment.filter(a -> a.isLiveOn(today)).isPresent() ? Optional.empty() : refuse(RefusalCode.NO_LIVE_ASSIGNMENT);
    }

    /**
     * Step 4: the purpose has a legal basis for the kind of party that answers for the question (the
     * principal, when an agent asks), and every agreement involved covers it.
     */
    public static Optional<Refusal> checkPurpose(Optional<LegalBasis> basis, boolean coveredByAgreements) {
        if (basis.isEmpty()) {
            return refuse(RefusalCode.NO_LEGAL_BASIS);
        }
        return coveredByAgreements ? Optional.empty() : refuse(RefusalCode.PURPOSE_NOT_IN_AGREEMENT);
    }

    /** Step 5: consent where the legal basis demands it, a case id where it demands an open case. */
    public static Optional<Refusal> checkCondition(LegalBasis basis, ConsentReference consent, String caseId, LocalDate today) {
        return switch (basis.condition()) {
            case NONE -> Optional.empty();
            case CONSENT -> {
                if (consent == null) {
                    yield refuse(RefusalCode.CONSENT_MISSING);
                }
                yield consent.givenOn() == null || consent.givenOn().isAfter(today)
                        ? refuse(RefusalCode.CONSENT_INVALID) : Optional.empty();
            }
            case OPEN_CASE -> caseId == null || caseId.isBlank() ? refuse(RefusalCode.CASE_MISSING) : Optional.empty();
        };
    }

    /** Step 6: the asked-for types split into those the agreements allow and those withheld. */
    public static TypeSelection selectTypes(Iterable<InformationType> asked, Set<InformationType> allowed) {
        Set<InformationType> granted = EnumSet.noneOf(InformationType.class);
        Set<InformationType> withheld = EnumSet.noneOf(InformationType.class);
        for (InformationType type : asked) {
            (allowed.contains(type) ? granted : withheld).add(type);
        }
        return new TypeSelection(granted, withheld);
    }

    /** The information types to read, and those left out as deviations (UNAUTHORISED). */
    public record TypeSelection(Set<InformationType> granted, Set<InformationType> withheld) {
    }

    private static Optional<Refusal> refuse(RefusalCode code) {
        return Optional.of(Refusal.of(code));
    }
}
