package se.lefi.domain.party;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import se.lefi.domain.access.Purpose;
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "AGREEMENT_INTERFACE", joinColumns = @JoinColumn(name = "AGREEMENT_ID"))
    @Enumerated(EnumType.STRING)
    @Column(name = "INTERFACE", length = 20)
    private Set<ServiceInterface> interfaces = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "AGREEMENT_PURPOSE", joinColumns = @JoinColumn(name = "AGREEMENT_ID"))
    @Enumerated(EnumType.STRING)
    @Column(name = "PURPOSE", length = 40)
    private Set<Purpose> purposes = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "AGREEMENT_INFORMATION_TYPE", joinColumns = @JoinColumn(name = "AGREEMENT_ID"))
    @Enumerated(EnumType.STRING)
    @Column(name = "INFORMATION_TYPE", length = 10)
    private Set<InformationType> informationTypes = new HashSet<>();

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
        this.interfaces = new HashSet<>(interfaces);
        this.purposes = new HashSet<>(purposes);
        this.informationTypes = new HashSet<>(informationTypes);
        this.longPeriodsAllowed = longPeriodsAllowed;
    }

    public void signByOrganisation(LocalDate on) {
        this.signedByOrganisationOn = on;
    }

    public void signByAgency(LocalDate on) {
        this.signedByAgencyOn = on;
    }

    public void terminateFrom(LocalDate from) {
        this.terminatedFrom = from;
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
        return interfaces.contains(serviceInterface);
    }

    public boolean covers(Purpose purpose) {
        return purposes.contains(purpose);
    }

    public Set<Purpose> purposes() {
        return purposes.isEmpty() ? EnumSet.noneOf(Purpose.class) : EnumSet.copyOf(purposes);
    }

    public Set<InformationType> informationTypes() {
        return informationTypes.isEmpty() ? EnumSet.noneOf(InformationType.class) : EnumSet.copyOf(informationTypes);
    }

    public boolean longPeriodsAllowed() {
        return longPeriodsAllowed;
    }

    public LocalDate terminatedFrom() {
        return terminatedFrom;
    }
}
