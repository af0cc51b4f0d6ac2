package se.lefi.application.access;

import java.util.Set;
import se.lefi.domain.access.LegalBasis;
import se.lefi.domain.register.InformationType;

/** A purpose the caller may state, with its legal basis and the types its agreement allows. */
public record AvailablePurpose(LegalBasis legalBasis, Set<InformationType> informationTypes) {
}
