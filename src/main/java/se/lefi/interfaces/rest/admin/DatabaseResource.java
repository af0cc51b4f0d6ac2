package se.lefi.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.lefi.application.administration.DatabaseAdministration;

/** Which database the server runs on and the state of each schema migration. */
@Path("admin/database")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseResource {
    @EJB
    DatabaseAdministration database;

    @GET
    public DatabaseAdministration.DatabaseStatus status() {
        return database.status();
    }
}
