package se.lefi.domain.access;

import java.time.LocalDate;
import java.util.List;
import se.lefi.domain.register.InformationType;

/**
 * One question about one person's benefits, as the caller put it (before validation). Optional
 * parts are null when absent.
 */
public record BenefitQuestion(String personId, LocalDate from, LocalDate tom, List<InformationType> informationTypes,
                              Purpose purpose, ConsentReference consent, String caseId,
                              String principalOrganisationNumber, String correlationId) {
    public BenefitQuestion {
        informationTypes = informationTypes == null ? List.of() : List.copyOf(informationTypes);
    }
}
