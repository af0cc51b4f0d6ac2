package se.lefi.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.domain.access.LegalBasis;
import se.lefi.domain.access.Purpose;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.RegisterState;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * Loads the demo parties (config/demo/parties.csv, the same file the dev PKI issues certificates
 * from) with signed agreements, when {@code lefi.demo.enabled} is true. Idempotent.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** One row of the parties file. */
    public record Party(String alias, String organisationNumber, String name, PartyKind kind, String state) {
        boolean registered() {
            return !"UNKNOWN".equals(state);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    LefiConfiguration configuration;

    @Inject
    @ConfigProperty(name = "lefi.demo.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        LocalDate today = LocalDate.now(configuration.clock());
        int created = 0;
        for (Party party : parties(configuration.configDir().resolve("demo/parties.csv"))) {
            if (party.registered() && em.createNamedQuery(Organisation.BY_NUMBER, Organisation.class)
                    .setParameter("number", party.organisationNumber()).getResultList().isEmpty()) {
                register(party, today.minusYears(1));
                created++;
            }
        }
        if (em.find(RegisterState.class, RegisterState.SINGLETON_ID) == null) {
            em.persist(new RegisterState(Instant.now()));
        }
        LOG.info("demo data: " + created + " organisations registered");
    }

    private void register(Party party, LocalDate signedOn) {
        Organisation organisation = new Organisation(party.organisationNumber(), party.name(), party.kind());
        em.persist(organisation);
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        PartyKind basisKind = party.kind() == PartyKind.AGENT ? PartyKind.AUTHORITY : party.kind();
        configuration.legalBases().basesFor(basisKind).stream().map(LegalBasis::purpose).forEach(purposes::add);
        Agreement agreement = new Agreement(organisation, signedOn.minusDays(14),
                EnumSet.of(ServiceInterface.SYSTEM_TO_SYSTEM, ServiceInterface.WEB), purposes,
                EnumSet.allOf(InformationType.class), false);
        agreement.signByOrganisation(signedOn);
        agreement.signByAgency(signedOn);
        em.persist(agreement);
    }

    public static List<Party> parties(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split(";"))
                    .map(f -> new Party(f[0], f[1], f[2], PartyKind.valueOf(f[3]), f[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo parties " + file, e);
        }
    }
}
