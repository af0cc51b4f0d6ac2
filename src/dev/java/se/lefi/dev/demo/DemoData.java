package se.lefi.dev.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.dev.register.RegisterBulkLoader;

/**
 * Demo data at start-up, when {@code lefi.demo.enabled}: the parties of config/demo/parties.csv with
 * their agreements and assignments, and a synthetic register of {@code lefi.demo.persons} persons.
 * Idempotent. The register is bulk-loaded outside JTA, in chunks the loader commits itself.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "OperatorRegistration"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    DemoSeeder seeder;

    @Inject
    LefiConfiguration configuration;

    @Inject
    @ConfigProperty(name = "lefi.demo.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "lefi.demo.persons", defaultValue = "1000")
    long persons;

    @Inject
    @ConfigProperty(name = "lefi.demo.seed", defaultValue = "1")
    long seed;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        Path partiesFile = configuration.configDir().resolve("demo/parties.csv");
        List<DemoParties.Party> parties = DemoParties.read(partiesFile);
        int organisations = seeder.seedParties(parties);
        int webUsers = seeder.seedWebUsers(DemoParties.readWebUsers(partiesFile), parties);
        int actors = seeder.seedActors(DemoParties.readActors(partiesFile), parties);
        long present = RegisterBulkLoader.personCount(dataSource);
        if (present < persons) {
            Instant started = Instant.now();
            RegisterBulkLoader.load(dataSource, new SyntheticRegister(seed), present, persons, started);
            LOG.info("demo register: persons " + present + ".." + persons + " loaded in "
                    + Duration.between(started, Instant.now()).toSeconds() + " s");
        }
        seeder.markRegisterTime(Instant.now());
        LOG.info("demo data: " + organisations + " organisations, " + webUsers + " web users and " + actors
                + " actors registered, register of "
                + persons + " persons");
    }
}
