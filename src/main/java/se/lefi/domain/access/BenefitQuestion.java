package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;

import java.time.LocalDate;
import java.util.List;
import se.lefi.domain.register.InformationType;

/**
 * One question about one person's benefits, as the caller put it (before validation). Optional
 * parts are null when absent. {@code otherSourcesAsked} is true when the caller also asked for
 * information that lefi's register does not hold (Pensionsmyndigheten's, in a v9 question): such a
 * question is well formed even when it names none of the register's types.
 */
public record BenefitQuestion(String personId, LocalDate from, LocalDate tom, List<InformationType> informationTypes,
                              Purpose purpose, ConsentReference consent, String caseId,
                              String principalOrganisationNumber, String correlationId, boolean otherSourcesAsked) {
    public BenefitQuestion {
        informationTypes = informationTypes == null ? List.of() : List.copyOf(informationTypes);
    }

    public BenefitQuestion(String personId, LocalDate from, LocalDate tom, List<InformationType> informationTypes,
                           Purpose purpose, ConsentReference consent, String caseId,
                           String principalOrganisationNumber, String correlationId) {
        this(personId, from, tom, informationTypes, purpose, consent, caseId, principalOrganisationNumber, correlationId, false);
    }

    /** The question as an actor registration completes it: its purpose, and the principal its agent acts for. */
    public BenefitQuestion forActor(Purpose actorPurpose, String actorPrincipal) {
        return new BenefitQuestion(personId, from, tom, informationTypes, actorPurpose, consent, caseId, actorPrincipal,
                correlationId, otherSourcesAsked);
    }
}
