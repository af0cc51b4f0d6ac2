package se.lefi.application.administration;

import java.time.LocalDate;
import se.lefi.domain.access.ExtraCondition;
import se.lefi.domain.access.LegalBasis;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.Organisation;

/**
 * An actor registration as administrators see it: whose it is, whom an agent acts for, the purpose and
 * the legal basis and condition it fixes, and whether it is live today.
 */
public record ActorView(String actorId, String organisationNumber, String organisationName, String principalNumber,
                        String principalName, Purpose purpose, String legalBasis, ExtraCondition condition,
                        LocalDate registeredOn, LocalDate endedFrom, boolean live) {
    static ActorView of(ActorRegistration actor, LegalBasis basis, LocalDate today) {
        Organisation principal = actor.principal();
        return new ActorView(actor.actorId(), actor.organisation().organisationNumber(), actor.organisation().name(),
                principal == null ? null : principal.organisationNumber(), principal == null ? null : principal.name(),
                actor.purpose(), basis == null ? null : basis.citation(), basis == null ? null : basis.condition(),
                actor.registeredOn(), actor.endedFrom(), actor.isLiveOn(today));
    }
}
