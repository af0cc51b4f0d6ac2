package se.lefi.domain.access;

import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

import java.time.LocalDate;
import java.util.Optional;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;

/**
 * Access step: the organisation is connected on the day of the question — its agreement is
 * signed by both parties, not terminated, and covers the interface used.
 */
public final class ConnectionCheck {
    private ConnectionCheck() {
    }

    public static Optional<Refusal> check(Optional<Agreement> agreement, ServiceInterface used, LocalDate day) {
        if (agreement.isEmpty()) {
            return Optional.of(Refusal.of(RefusalCode.NOT_CONNECTED));
        }
        return switch (agreement.get().standingOn(day)) {
            case SENT, SIGNED_BY_ONE_PARTY -> Optional.of(Refusal.of(RefusalCode.AGREEMENT_NOT_SIGNED));
            case TERMINATED -> Optional.of(Refusal.of(RefusalCode.AGREEMENT_TERMINATED));
            case IN_FORCE -> agreement.get().covers(used)
                    ? Optional.empty()
                    : Optional.of(Refusal.of(RefusalCode.INTERFACE_NOT_COVERED));
        };
    }

    /**
     * Whether a web user may use the web interface on {@code day}: a live decision, at an organisation
     * whose agreement is in force and covers the web interface.
     */
    public static Optional<Refusal> webUserAccess(WebUser user, Optional<Agreement> organisationsAgreement, LocalDate day) {
        return user.decisionOn(day).or(() -> check(organisationsAgreement, ServiceInterface.WEB, day));
    }
}
