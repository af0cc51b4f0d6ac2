package se.lefi.domain.access;

import java.time.LocalDate;

/** The caller's reference to the individual's consent (samtycke): its id, when it was given, its scope. */
public record ConsentReference(String consentId, LocalDate givenOn, String scope) {

    /** How the consent is kept in the audit record. */
    public String auditText() {
        return "id=" + consentId + "; givenOn=" + givenOn + "; scope=" + scope;
    }
}
