package se.lefi.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS resources live under /lefi/api: the admin API and the REST/JSON twin of the contract. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
