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
import java.util.Optional;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

/**
 * A named user of the web interface, by the access-rights decision (behörighetsbeslut) that the
 * responsible manager signed. Deregistration (avregistrering) takes effect from a date; from then
 * the user gets nothing.
 */
@Entity
@Table(name = "WEB_USER")
@NamedQuery(name = WebUser.OF_ORGANISATION, query = "select u from WebUser u where u.organisation = :organisation order by u.id")
@NamedQuery(name = WebUser.BY_PERSON, query = "select u from WebUser u where u.personId = :personId order by u.id desc")
public class WebUser {
    public static final String OF_ORGANISATION = "WebUser.ofOrganisation";
    public static final String BY_PERSON = "WebUser.byPerson";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "WEB_USER_SEQ")
    @SequenceGenerator(name = "WEB_USER_SEQ", sequenceName = "WEB_USER_SEQ", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ORGANISATION_ID")
    private Organisation organisation;

    @Column(name = "PERSON_ID", length = 12, nullable = false)
    private String personId;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    // The manager responsible for the user, who signed the decision.
    @Column(name = "DECIDED_BY", length = 200, nullable = false)
    private String decidedBy;

    @Column(name = "DECIDED_ON", nullable = false)
    private LocalDate decidedOn;

    @Column(name = "DEREGISTERED_FROM")
    private LocalDate deregisteredFrom;

    protected WebUser() {
    }

    /** {@code personId} is the validated 12-digit personnummer. */
    public WebUser(Organisation organisation, String personId, String name, String decidedBy, LocalDate decidedOn) {
        this.organisation = organisation;
        this.personId = personId;
        this.name = name;
        this.decidedBy = decidedBy;
        this.decidedOn = decidedOn;
    }

    /**
     * Deregisters from {@code from}, which may not lie before {@code today}: a date already passed
     * would rewrite what the user was allowed. An earlier date than one already set takes over.
     */
    public void deregisterFrom(LocalDate from, LocalDate today) {
        if (deregisteredFrom != null && !today.isBefore(deregisteredFrom)) {
            throw new LifecycleException(LifecycleException.Code.ALREADY_DEREGISTERED, "The user is already deregistered.");
        }
        if (from.isBefore(today)) {
            throw new LifecycleException(LifecycleException.Code.DATE_IN_PAST, "Deregistration takes effect today at the earliest.");
        }
        this.deregisteredFrom = from;
    }

    /** The decision alone: made by {@code day} and not deregistered from it. */
    public Optional<Refusal> decisionOn(LocalDate day) {
        if (deregisteredFrom != null && !day.isBefore(deregisteredFrom)) {
            return Optional.of(Refusal.of(RefusalCode.USER_DEREGISTERED));
        }
        if (day.isBefore(decidedOn)) {
            return Optional.of(Refusal.of(RefusalCode.USER_NOT_AUTHORISED));
        }
        return Optional.empty();
    }

    public boolean isRegisteredOn(LocalDate day) {
        return deregisteredFrom == null || day.isBefore(deregisteredFrom);
    }

    public Long id() { return id; }
    public Organisation organisation() { return organisation; }
    public String personId() { return personId; }
    public String name() { return name; }
    public String decidedBy() { return decidedBy; }
    public LocalDate decidedOn() { return decidedOn; }
    public LocalDate deregisteredFrom() { return deregisteredFrom; }
}
