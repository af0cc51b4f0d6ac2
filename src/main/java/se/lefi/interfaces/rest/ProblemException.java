package se.lefi.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Ends a request with a problem-details response built beforehand. */
public class ProblemException extends WebApplicationException {
    public ProblemException(Response problem) {
        super(problem);
    }
}
