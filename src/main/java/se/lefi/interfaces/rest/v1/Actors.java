package se.lefi.interfaces.rest.v1;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.servlet.http.HttpServletRequest;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.CallerIdentification;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.party.Organisation;

/** The {actor} of the v1 paths: the certificate's own organisation, or a principal its agent acts for. */
final class Actors {
    private Actors() {
    }

    static Caller caller(HttpServletRequest request) {
        return RequestCaller.of(request);
    }

    /**
     * No principal when the (valid) actor is the certificate's own organisation; otherwise the actor is
     * the principal, and the decision refuses anyone but an agent with a live assignment from it.
     */
    static String principal(CallerIdentification identification, Caller caller, String actor) {
        String number = OrganisationNumber.parse(actor).value();
        return number.equals(own(identification, caller)) ? null : number;
    }

    static String own(CallerIdentification identification, Caller caller) {
        return identification.organisationOf(caller).map(Organisation::organisationNumber)
                .orElse(caller.namedOrganisation().orElse(null));
    }
}
