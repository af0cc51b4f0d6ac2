package se.lefi.interfaces.rest.admin;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import se.lefi.application.administration.AdminAuthorisation;
import se.lefi.domain.access.Caller;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.interfaces.rest.Problem;

/** Everything under /api/admin needs an admin client certificate; others get 403. */
@Provider
@PreMatching
public class AdminOnly implements ContainerRequestFilter {
    /** A known organisation's certificate, but not the agency's. */
    public static final String NOT_AN_ADMINISTRATOR = "NOT_AN_ADMINISTRATOR";

    @EJB
    AdminAuthorisation authorisation;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!context.getUriInfo().getPath().startsWith("admin")) {
            return;
        }
        Caller caller = RequestCaller.of(request);
        if (!authorisation.isAdministrator(caller)) {
            // A known organisation is told what is wrong: it is not the agency; an unknown certificate only that.
            context.abortWith(authorisation.isKnown(caller)
                    ? Problem.response(403, NOT_AN_ADMINISTRATOR, "The certificate's organisation does not administer the service.", null)
                    : Problem.response(403, RefusalCode.UNKNOWN_CERTIFICATE.name(),
                            "Only an administrator's certificate may use the admin API.", null));
        }
    }
}
