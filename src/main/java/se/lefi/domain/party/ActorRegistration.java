package se.lefi.domain.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.regex.Pattern;
import se.lefi.domain.shared.Purpose;

/**
 * An actor registration (aktör): the opaque id, such as {@code 026-51}, that the agency issues for a
 * connected organisation, or for an agent (ombud) acting for a named principal. A v9 question (LEFI
 * Förmånsinformation) carries no purpose and no principal: the registration states them, and the
 * purpose fixes the legal basis through the catalogue.
 */
@Entity
@Table(name = "ACTOR_REGISTRATION")
@NamedQueries({
        @NamedQuery(name = ActorRegistration.BY_ACTOR_ID, query = "select a from ActorRegistration a where a.actorId = :actorId"),
        @NamedQuery(name = ActorRegistration.ALL, query = "select a from ActorRegistration a order by a.actorId")})
public class ActorRegistration {
    public static final String BY_ACTOR_ID = "ActorRegistration.byActorId";
    public static final String ALL = "ActorRegistration.all";
    public static final int MAX_ID_LENGTH = 64;
    // Opaque ids as the agency issues them (026-51, or a UUID in the v9 specification's examples).
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ACTOR_REGISTRATION_SEQ")
    @SequenceGenerator(name = "ACTOR_REGISTRATION_SEQ", sequenceName = "ACTOR_REGISTRATION_SEQ", allocationSize = 50)
    private Long id;

    @Column(name = "ACTOR_ID", nullable = false, unique = true, length = MAX_ID_LENGTH)
    private String actorId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ORGANISATION_ID")
    private Organisation organisation;

    // The authority an agent acts for; null when the organisation asks for itself.
    @ManyToOne
    @JoinColumn(name = "PRINCIPAL_ID")
    private Organisation principal;

    @Enumerated(EnumType.STRING)
    @Column(name = "PURPOSE", nullable = false, length = 40)
    private Purpose purpose;

    @Column(name = "REGISTERED_ON", nullable = false)
    private LocalDate registeredOn;

    @Column(name = "ENDED_FROM")
    private LocalDate endedFrom;

    protected ActorRegistration() {
    }

    /**
     * A new registration. An agent must name the authority it acts for; no one else may name one; the
     * agency itself asks no questions.
     */
    public ActorRegistration(String actorId, Organisation organisation, Organisation principal, Purpose purpose, LocalDate registeredOn) {
        if (!isWellFormed(actorId)) {
            throw new LifecycleException(LifecycleException.Code.INVALID_ACTOR_ID,
                    "An actor id is 1 to " + MAX_ID_LENGTH + " letters, digits, '.', '_' or '-'.");
        }
        if (organisation.kind() == PartyKind.AGENCY) {
            throw new LifecycleException(LifecycleException.Code.ACTOR_NOT_A_CLIENT, "The agency itself asks no questions.");
        }
        if (organisation.kind() == PartyKind.AGENT && principal == null) {
            throw new LifecycleException(LifecycleException.Code.PRINCIPAL_MISSING, "An agent's actor must name the authority it acts for.");
        }
        if (organisation.kind() != PartyKind.AGENT && principal != null) {
            throw new LifecycleException(LifecycleException.Code.NOT_AN_AGENT, "Only an agent's actor names a principal.");
        }
        if (principal != null && principal.kind() != PartyKind.AUTHORITY) {
            throw new LifecycleException(LifecycleException.Code.PRINCIPAL_NOT_AN_AUTHORITY, "An agent acts only for an authority.");
        }
        this.actorId = actorId;
        this.organisation = organisation;
        this.principal = principal;
        this.purpose = purpose;
        this.registeredOn = registeredOn;
    }

    /** Checked before any lookup: bounded length first, then the characters. */
    public static boolean isWellFormed(String actorId) {
        return actorId != null && !actorId.isEmpty() && actorId.length() <= MAX_ID_LENGTH && ID.matcher(actorId).matches();
    }

    /** Ends the registration from {@code from} (today at the earliest): from then on its questions are refused. */
    public void endFrom(LocalDate from, LocalDate today) {
        if (endedFrom != null && !today.isBefore(endedFrom)) {
            throw new LifecycleException(LifecycleException.Code.ACTOR_ALREADY_ENDED, "The actor's registration has already ended.");
        }
        if (from.isBefore(today)) {
            throw new LifecycleException(LifecycleException.Code.DATE_IN_PAST, "A registration ends today at the earliest.");
        }
        this.endedFrom = from;
    }

    public boolean isLiveOn(LocalDate day) {
        return !day.isBefore(registeredOn) && (endedFrom == null || day.isBefore(endedFrom));
    }

    public String actorId() {
        return actorId;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Organisation principal() {
        return principal;
    }

    public Purpose purpose() {
        return purpose;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public LocalDate endedFrom() {
        return endedFrom;
    }
}
