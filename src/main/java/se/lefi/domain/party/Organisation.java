package se.lefi.domain.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import se.lefi.domain.EnumCodes;
import se.lefi.domain.shared.Purpose;

/** A connecting organisation, known by its organisationsnummer (10 digits, no prefix). */
@Entity
@Table(name = "ORGANISATION")
@NamedQuery(name = Organisation.BY_NUMBER, query = "select o from Organisation o where o.organisationNumber = :number")
public class Organisation {
    public static final String BY_NUMBER = "Organisation.byNumber";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ORGANISATION_SEQ")
    @SequenceGenerator(name = "ORGANISATION_SEQ", sequenceName = "ORGANISATION_SEQ", allocationSize = 50)
    private Long id;

    @Column(name = "ORGANISATION_NUMBER", length = 10, nullable = false, unique = true)
    private String organisationNumber;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PartyKind kind;

    // The connection request (anmälan); null for organisations registered before requests were kept.
    @Column(name = "REQUESTED_ON")
    private LocalDate requestedOn;

    @Column(name = "REQUESTED_INTERFACES", length = 100)
    private String requestedInterfaces;

    @Column(name = "REQUESTED_PURPOSES", length = 400)
    private String requestedPurposes;

    @Column(name = "CONTACT", length = 200)
    private String contact;

    protected Organisation() {
    }

    /** Registers a connection request (anmälan): who asks, for which interfaces and purposes, and whom to contact. */
    public static Organisation requested(String organisationNumber, String name, PartyKind kind, Set<ServiceInterface> interfaces,
                                         Set<Purpose> purposes, String contact, LocalDate on) {
        Organisation organisation = new Organisation(organisationNumber, name, kind);
        organisation.requestedInterfaces = EnumCodes.join(interfaces);
        organisation.requestedPurposes = EnumCodes.join(purposes);
        organisation.contact = contact;
        organisation.requestedOn = on;
        return organisation;
    }

    public Set<ServiceInterface> requestedInterfaces() {
        return EnumCodes.parse(requestedInterfaces, ServiceInterface.class);
    }

    public Set<Purpose> requestedPurposes() {
        return EnumCodes.parse(requestedPurposes, Purpose.class);
    }

    public String contact() {
        return contact;
    }

    public LocalDate requestedOn() {
        return requestedOn;
    }

    public Organisation(String organisationNumber, String name, PartyKind kind) {
        this.organisationNumber = organisationNumber;
        this.name = name;
        this.kind = kind;
    }

    public Long id() {
        return id;
    }

    public String organisationNumber() {
        return organisationNumber;
    }

    public String name() {
        return name;
    }

    public PartyKind kind() {
        return kind;
    }
}
