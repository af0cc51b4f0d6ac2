package se.lefi.application.administration;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;
import se.lefi.infrastructure.persistence.SchemaMigration;

/** Which database the server runs on, and the state of each schema migration, for the administrators. */
@Stateless
public class DatabaseAdministration {
    @EJB
    SchemaMigration schema;

    public record DatabaseStatus(String product, String productVersion, String schemaVersion, List<Migration> migrations) {
    }

    /** One migration: applied ({@code SUCCESS}), pending, or failed. */
    public record Migration(String version, String description, String script, String state, Instant installedOn) {
    }

    public DatabaseStatus status() {
        SchemaMigration.Status status = schema.status();
        return new DatabaseStatus(status.product(), status.productVersion(), status.schemaVersion(), status.migrations().stream()
                .map(m -> new Migration(m.version(), m.description(), m.script(), m.state(), m.installedOn())).toList());
    }
}
