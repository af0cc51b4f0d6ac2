package se.lefi.application.administration;

import se.lefi.domain.party.LifecycleException;

/** The organisation after an administrative step, or why the step was refused (and nothing changed). */
public record AdminResult(OrganisationView organisation, LifecycleException.Code refusal, String message) {
    static AdminResult done(OrganisationView organisation) {
        return new AdminResult(organisation, null, null);
    }

    static AdminResult refused(LifecycleException e) {
        return new AdminResult(null, e.code(), e.getMessage());
    }

    public boolean isDone() {
        return refusal == null;
    }
}
