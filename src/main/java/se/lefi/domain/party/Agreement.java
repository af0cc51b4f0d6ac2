package se.lefi.domain.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import se.lefi.domain.EnumCodes;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.register.InformationType;

/**
 * An agreement (avtal, or överenskommelse with an authority) between the agency and one
 * organisation: what it covers, when it was sent and signed, and from when it is terminated.
 */
@Entity
@Table(name = "AGREEMENT")
@NamedQuery(name = Agreement.OF_ORGANISATION,
        query = "select a from Agreement a where a.organisation = :organisation order by a.id desc")
public class Agreement {
    public static final String OF_ORGANISATION = "Agreement.ofOrganisation";

    /** Where an agreement stands on a given day. */
    public enum Standing { SENT, SIGNED_BY_ONE_PARTY, IN_FORCE, TERMINATED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "AGREEMENT_SEQ")
    @SequenceGenerator(name = "AGREEMENT_SEQ", sequenceName = "AGREEMENT_SEQ", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ORGANISATION_ID")
    private Organisation organisation;

    // Codes, comma-separated: one row answers an access check.
    @Column(name = "INTERFACES", nullable = false, length = 100)
    private String interfaces;

    @Column(name = "PURPOSES", nullable = false, length = 400)
    private String purposes;

    @Column(name = "INFORMATION_TYPES", nullable = false, length = 400)
    private String informationTypes;

    @Column(name = "LONG_PERIODS_ALLOWED", nullable = false)
    private boolean longPeriodsAllowed;

    @Column(name = "SENT_ON", nullable = false)
    private LocalDate sentOn;

    @Column(name = "SIGNED_BY_ORGANISATION_ON")
    private LocalDate signedByOrganisationOn;

    @Column(name = "SIGNED_BY_AGENCY_ON")
    private LocalDate signedByAgencyOn;

    @Column(name = "TERMINATED_FROM")
    private LocalDate terminatedFrom;

    protected Agreement() {
    }

    public Agreement(Organisation organisation, LocalDate sentOn, Set<ServiceInterface> interfaces,
                     Set<Purpose> purposes, Set<InformationType> informationTypes, boolean longPeriodsAllowed) {
        this.organisation = organisation;
        this.sentOn = sentOn;
        this.interfaces = EnumCodes.join(interfaces);
        this.purposes = EnumCodes.join(purposes);
        this.informationTypes = EnumCodes.join(informationTypes);
        this.longPeriodsAllowed = longPeriodsAllowed;
    }

    /** The parties who sign an agreement. */
    public enum Party { ORGANISATION, AGENCY }

    /** Records a party's signature; the organisation is connected once both have signed. */
    public void sign(Party party, LocalDate on) {
        if (terminatedFrom != null) {
            throw new LifecycleException(LifecycleException.Code.ALREADY_TERMINATED, "The agreement is terminated.");
        }
        if (on.isBefore(sentOn)) {
            throw new LifecycleException(LifecycleException.Code.SIGNED_BEFORE_SENT, "A signature cannot predate the agreement.");
        }
        if ((party == Party.ORGANISATION ? signedByOrganisationOn : signedByAgencyOn) != null) {
            throw new LifecycleException(LifecycleException.Code.ALREADY_SIGNED, "That party has already signed.");
        }
        if (party == Party.ORGANISATION) {
            signedByOrganisationOn = on;
        } else {
            signedByAgencyOn = on;
        }
    }

    public void signByOrganisation(LocalDate on) {
        sign(Party.ORGANISATION, on);
    }

    public void signByAgency(LocalDate on) {
        sign(Party.AGENCY, on);
    }

    /**
     * Terminates the agreement from {@code from}: questions on that day and after are refused. A
     * termination not yet in effect on {@code today} may be moved; one in effect is final.
     */
    public void terminateFrom(LocalDate from, LocalDate today) {
        if (terminatedFrom != null && !today.isBefore(terminatedFrom)) {
            throw new LifecycleException(LifecycleException.Code.ALREADY_TERMINATED, "The agreement is already terminated.");
        }
        if (signedByOrganisationOn == null || signedByAgencyOn == null) {
            throw new LifecycleException(LifecycleException.Code.NOT_CONNECTED, "Only an agreement signed by both parties can be terminated.");
        }
        this.terminatedFrom = from;
    }

    public LocalDate sentOn() {
        return sentOn;
    }

    public LocalDate signedByOrganisationOn() {
        return signedByOrganisationOn;
    }

    public LocalDate signedByAgencyOn() {
        return signedByAgencyOn;
    }

    public Standing standingOn(LocalDate day) {
        if (terminatedFrom != null && !day.isBefore(terminatedFrom)) {
            return Standing.TERMINATED;
        }
        boolean organisationSigned = signedByOrganisationOn != null && !signedByOrganisationOn.isAfter(day);
        boolean agencySigned = signedByAgencyOn != null && !signedByAgencyOn.isAfter(day);
        if (organisationSigned && agencySigned) {
            return Standing.IN_FORCE;
        }
        return organisationSigned || agencySigned ? Standing.SIGNED_BY_ONE_PARTY : Standing.SENT;
    }

    public Long id() {
        return id;
    }

    public Organisation organisation() {
        return organisation;
    }

    public boolean covers(ServiceInterface serviceInterface) {
        return interfaces().contains(serviceInterface);
    }

    public boolean covers(Purpose purpose) {
        return purposes().contains(purpose);
    }

    public Set<ServiceInterface> interfaces() {
        return EnumCodes.parse(interfaces, ServiceInterface.class);
    }

    public Set<Purpose> purposes() {
        return EnumCodes.parse(purposes, Purpose.class);
    }

    public Set<InformationType> informationTypes() {
        return EnumCodes.parse(informationTypes, InformationType.class);
    }

    public boolean longPeriodsAllowed() {
        return longPeriodsAllowed;
    }

    public LocalDate terminatedFrom() {
        return terminatedFrom;
    }
}
