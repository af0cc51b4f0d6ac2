package se.lefi.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.Optional;
import se.lefi.domain.access.ConnectionCheck;
import se.lefi.domain.access.Refusal;
import se.lefi.domain.access.RefusalCode;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.ServiceInterface;

/**
 * Access step: establish who is asking from the certificate, and that the organisation is
 * connected on the day of the question.
 */
@Stateless
public class CallerIdentification {
    @PersistenceContext
    EntityManager em;

    /** A caller whose organisation is known and connected. */
    public record Identified(Organisation organisation, Agreement agreement) {
    }

    /** Either an identified caller or the refusal; {@code organisationNumber} is known in both where the certificate named one. */
    public record Result(Identified identified, Refusal refusal, String organisationNumber) {
    }

    public Result identify(Caller caller, ServiceInterface used, LocalDate day) {
        if (!caller.presentedCertificate()) {
            return new Result(null, Refusal.of(RefusalCode.NO_CLIENT_CERTIFICATE), null);
        }
        if (caller.organisationNumber() == null || !OrganisationNumber.isValid(caller.organisationNumber())) {
            return new Result(null, Refusal.of(RefusalCode.UNKNOWN_CERTIFICATE), null);
        }
        String number = OrganisationNumber.parse(caller.organisationNumber()).value();
        Optional<Organisation> organisation = organisationByNumber(number);
        if (organisation.isEmpty()) {
            return new Result(null, Refusal.of(RefusalCode.NOT_CONNECTED), number);
        }
        Optional<Agreement> agreement = currentAgreement(organisation.get());
        Optional<Refusal> refusal = ConnectionCheck.check(agreement, used, day);
        return refusal.isPresent()
                ? new Result(null, refusal.get(), number)
                : new Result(new Identified(organisation.get(), agreement.get()), null, number);
    }

    public Optional<Organisation> organisationByNumber(String number) {
        return em.createNamedQuery(Organisation.BY_NUMBER, Organisation.class)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    private Optional<Agreement> currentAgreement(Organisation organisation) {
        return em.createNamedQuery(Agreement.OF_ORGANISATION, Agreement.class)
                .setParameter("organisation", organisation)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
