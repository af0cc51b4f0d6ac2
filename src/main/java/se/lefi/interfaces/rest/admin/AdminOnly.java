package se.lefi.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import se.lefi.application.AdminAuthorisation;
import se.lefi.domain.access.RefusalCode;
import se.lefi.infrastructure.security.ClientCertificates;
import se.lefi.interfaces.rest.Problem;

/** Everything under /api/admin needs an admin client certificate; others get 403. */
@Provider
@PreMatching
public class AdminOnly implements ContainerRequestFilter {
    @EJB
    AdminAuthorisation authorisation;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!context.getUriInfo().getPath().startsWith("admin")) {
            return;
        }
        if (!authorisation.isAdministrator(ClientCertificates.caller(request.getAttribute(ClientCertificates.REQUEST_ATTRIBUTE)))) {
            context.abortWith(Problem.response(403, RefusalCode.UNKNOWN_CERTIFICATE.name(),
                    "Only an administrator's certificate may use the admin API.", null));
        }
    }
}
