package se.lefi.dev.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.application.subscription.SubscriptionAdministration;
import se.lefi.dev.register.SyntheticChanges;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.domain.subscription.RegisterChange;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.register.RegisterJson;
import se.lefi.infrastructure.security.ClientCertificates;
import se.lefi.interfaces.rest.Problem;

/**
 * A synthetic change stream over the demo register's persons, for the development server, the benchmarks
 * and the tests: generated and applied as if it were a change file, or handed out as one. It lies under the
 * administrators' API (so the same filter guards it) but ships only in the development WAR: the product has
 * no demo register to make changes to.
 */
@Path("admin/register/synthetic-changes")
public class SyntheticChangesResource {
    private static final int MAX_SYNTHETIC = 5_000_000;

    @EJB
    SubscriptionAdministration administration;

    @Inject
    LefiConfiguration configuration;

    @Inject
    @ConfigProperty(name = "lefi.demo.seed", defaultValue = "1")
    long registerSeed;

    @Inject
    @ConfigProperty(name = "lefi.demo.persons", defaultValue = "1000")
    long registerPersons;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a synthetic change stream over the demo register's persons and apply it (development server only)")
    public Response apply(@QueryParam("count") @DefaultValue("1000") int count, @QueryParam("seed") @DefaultValue("1") long seed,
                          @QueryParam("first") @DefaultValue("0") long first, @QueryParam("persons") Long persons) {
        List<RegisterChange> changes = synthetic(count, seed, first, persons);
        List<Integer> lines = new ArrayList<>(changes.size());
        for (int i = 1; i <= changes.size(); i++) {
            lines.add(i);
        }
        SubscriptionAdministration.ApplyReport report = administration.apply(
                ClientCertificates.caller(request.getAttribute(ClientCertificates.REQUEST_ATTRIBUTE)), changes, lines);
        return Response.status(report.refusedLine() == null ? 200 : 409).entity(report).build();
    }

    @GET
    @Produces("application/x-ndjson")
    @Operation(summary = "A synthetic change stream as a change file, without applying it (development server only)")
    public Response file(@QueryParam("count") @DefaultValue("1000") int count, @QueryParam("seed") @DefaultValue("1") long seed,
                         @QueryParam("first") @DefaultValue("0") long first, @QueryParam("persons") Long persons) {
        StringBuilder out = new StringBuilder();
        synthetic(count, seed, first, persons).forEach(c -> out.append(RegisterJson.write(c)).append('\n'));
        return Response.ok(out.toString()).build();
    }

    /** Persons {@code first} to {@code first + persons - 1} of the demo register (default: all of it). */
    private List<RegisterChange> synthetic(int count, long seed, long first, Long persons) {
        long span = persons == null ? registerPersons - first : persons;
        if (count < 1 || count > MAX_SYNTHETIC || first < 0 || span < 1 || first + span > registerPersons) {
            throw new BadRequestException(Problem.response(400, "INVALID_REQUEST",
                    "count is 1 to " + MAX_SYNTHETIC + "; the persons lie within the register.", null));
        }
        SyntheticChanges stream = new SyntheticChanges(new SyntheticRegister(registerSeed), first, span, seed,
                LocalDate.now(configuration.clock()));
        List<RegisterChange> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(stream.next());
        }
        return out;
    }
}
