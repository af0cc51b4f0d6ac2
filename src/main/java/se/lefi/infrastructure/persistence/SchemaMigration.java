package se.lefi.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before anything else starts. Flyway uses its own
 * connections, outside JTA, so each migration commits on its own. The same migrations serve the
 * embedded H2 and PostgreSQL; JPA never generates schema.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** The database and its schema as Flyway sees it, for administrators. */
    public record Status(String product, String productVersion, String schemaVersion, List<Migration> migrations) {}

    /** One migration: applied ({@code SUCCESS}), pending, or failed. */
    public record Migration(String version, String description, String script, String state, Instant installedOn) {}

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway().migrate();
        LOG.info("database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations run) on " + result.database);
    }

    public Status status() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            var info = flyway().info();
            MigrationInfo current = info.current();
            List<Migration> migrations = Arrays.stream(info.all())
                    .map(m -> new Migration(m.getVersion() == null ? null : m.getVersion().getVersion(), m.getDescription(),
                            m.getScript(), m.getState().name(), m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant()))
                    .toList();
            return new Status(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
                    current == null ? null : current.getVersion().getVersion(), migrations);
        } catch (SQLException e) {
            throw new IllegalStateException("the database does not answer", e);
        }
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }
}
