package se.lefi.application.administration;

import se.lefi.application.access.CallerIdentification;
import se.lefi.domain.access.Caller;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;

/** Only certificates of the agency itself (party kind AGENCY) may administer the service. */
@Stateless
public class AdminAuthorisation {
    @Inject
    CallerIdentification identification;

    /** The certificate identifies a registered organisation (whatever its kind). */
    public boolean isKnown(Caller caller) {
        return caller.presentedCertificate() && caller.certificateRefusal() == null && identification.organisationOf(caller).isPresent();
    }

    public boolean isAdministrator(Caller caller) {
        return caller.presentedCertificate() && caller.certificateRefusal() == null && identification.organisationOf(caller)
                .map(Organisation::kind).filter(kind -> kind == PartyKind.AGENCY).isPresent();
    }
}
