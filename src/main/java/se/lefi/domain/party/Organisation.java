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

    protected Organisation() {
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
