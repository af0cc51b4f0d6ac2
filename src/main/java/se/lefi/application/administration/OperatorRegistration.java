package se.lefi.application.administration;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.domain.identity.OrganisationNumber;

/**
 * The operator (driftansvarig myndighet) is registered at start-up from {@code lefi.operator.*}: the admin API
 * admits the certificates of the organisation of kind AGENCY, and on a new production database nobody else
 * could register it. Several nodes may start at once against one database; the one that loses the race finds
 * the organisation the other registered.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperatorRegistration {
    private static final Logger LOG = Logger.getLogger(OperatorRegistration.class.getName());

    @EJB
    ConnectionAdministration connections;

    @Inject
    @ConfigProperty(name = "lefi.operator.organisationNumber")
    Optional<String> organisationNumber;

    @Inject
    @ConfigProperty(name = "lefi.operator.name", defaultValue = "Försäkringskassan")
    String name;

    @PostConstruct
    void register() {
        if (organisationNumber.isEmpty() || organisationNumber.get().isBlank()) {
            LOG.warning("lefi.operator.organisationNumber is not set: no organisation administers the service");
            return;
        }
        if (!OrganisationNumber.isValid(organisationNumber.get())) {
            throw new IllegalStateException("lefi.operator.organisationNumber is not a valid organisation number");
        }
        try {
            if (connections.registerOperator(organisationNumber.get(), name)) {
                LOG.info("operator registered: " + organisationNumber.get() + " " + name);
            }
        } catch (EJBException anotherNodeWasFirst) {
            if (connections.organisation(organisationNumber.get()).isEmpty()) {
                throw anotherNodeWasFirst;
            }
        }
    }
}
