package se.lefi.domain.register;

import java.time.LocalDate;

/** General person information (GEPI). */
public record PersonInformation(String personId, LocalDate birthDate, boolean coordinationNumber, String municipalityCode) {
}
