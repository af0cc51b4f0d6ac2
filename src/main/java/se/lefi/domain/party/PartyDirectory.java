package se.lefi.domain.party;

import java.util.List;
import java.util.Optional;

/**
 * The party facts an access decision reads (the domain's repository of them, as Cargo Tracker's domain
 * owns its repositories). The application serves them from memory while they are unchanged.
 */
public interface PartyDirectory {
    Optional<CertificateBinding> liveBinding(String fingerprint);

    Optional<Organisation> organisation(String organisationNumber);

    /** How many certificates were ever bound to the organisation. */
    long bindingCount(Organisation organisation);

    /** The organisation's latest agreement, in whatever state. */
    Optional<Agreement> currentAgreement(Organisation organisation);

    /** The latest assignment from {@code principal} to {@code agent}. */
    Optional<AgentAssignment> assignment(Organisation agent, Organisation principal);

    /** Every access-rights decision about a person, latest first. */
    List<WebUser> webUsers(String personId);

    Optional<ActorRegistration> actor(String actorId);
}
