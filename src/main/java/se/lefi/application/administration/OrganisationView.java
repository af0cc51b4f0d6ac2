package se.lefi.application.administration;

import se.lefi.domain.access.ConnectionCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.CertificateBinding;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;
import se.lefi.domain.register.InformationType;

/** An organisation as administrators see it: its connection state, agreement, agent assignments, certificates and web users. */
public record OrganisationView(String organisationNumber, String name, PartyKind kind, String state, LocalDate requestedOn,
                               Set<ServiceInterface> requestedInterfaces, Set<Purpose> requestedPurposes, String contact,
                               AgreementView agreement, List<AssignmentView> assignments, List<CertificateView> certificates,
                               List<WebUserView> webUsers) {

    /** REQUESTED before an agreement is sent; then where the agreement stands today. */
    public static String state(Agreement agreement, LocalDate today) {
        return agreement == null ? "REQUESTED" : agreement.standingOn(today).name();
    }

    public record AgreementView(LocalDate sentOn, LocalDate signedByOrganisationOn, LocalDate signedByAgencyOn,
                                LocalDate terminatedFrom, Set<ServiceInterface> interfaces, Set<Purpose> purposes,
                                Set<InformationType> informationTypes, boolean longPeriodsAllowed) {
        static AgreementView of(Agreement a) {
            return a == null ? null : new AgreementView(a.sentOn(), a.signedByOrganisationOn(), a.signedByAgencyOn(),
                    a.terminatedFrom(), a.interfaces(), a.purposes(), a.informationTypes(), a.longPeriodsAllowed());
        }
    }

    /** An agent's assignment from a principal, or a principal's to an agent. */
    public record AssignmentView(String agent, String principal, LocalDate from, LocalDate ceasedFrom, boolean live) {
        static AssignmentView of(AgentAssignment a, LocalDate today) {
            return new AssignmentView(a.agent().organisationNumber(), a.principal().organisationNumber(), a.from(),
                    a.ceasedFrom(), a.isLiveOn(today));
        }
    }

    /** A client certificate bound to the organisation, or once bound. */
    public record CertificateView(String fingerprint, String subject, String issuer, Instant notAfter, Instant boundAt,
                                  Instant unboundAt, boolean bound) {
        static CertificateView of(CertificateBinding b) {
            return new CertificateView(b.fingerprint(), b.subject(), b.issuer(), b.notAfter(), b.boundAt(), b.unboundAt(), b.isBound());
        }
    }

    /**
     * A web user's access-rights decision; {@code access} is GRANTED or the refusal code the user
     * would get today (deregistered, organisation terminated, ...).
     */
    public record WebUserView(long id, String personId, String name, String decidedBy, LocalDate decidedOn,
                              LocalDate deregisteredFrom, String access) {
        static WebUserView of(WebUser u, Agreement agreement, LocalDate today) {
            return new WebUserView(u.id(), u.personId(), u.name(), u.decidedBy(), u.decidedOn(), u.deregisteredFrom(),
                    ConnectionCheck.webUserAccess(u, Optional.ofNullable(agreement), today).map(r -> r.code().name()).orElse("GRANTED"));
        }
    }

    static OrganisationView of(Organisation o, Agreement agreement, List<AgentAssignment> assignments,
                               List<CertificateBinding> certificates, List<WebUser> webUsers, LocalDate today) {
        // The agency operates the service rather than connects to it: it has no agreement and awaits none.
        return new OrganisationView(o.organisationNumber(), o.name(), o.kind(),
                o.kind() == PartyKind.AGENCY ? "OPERATOR" : state(agreement, today), o.requestedOn(),
                o.requestedInterfaces(), o.requestedPurposes(), o.contact(), AgreementView.of(agreement),
                assignments.stream().map(a -> AssignmentView.of(a, today)).toList(),
                certificates.stream().map(CertificateView::of).toList(),
                webUsers.stream().map(u -> WebUserView.of(u, agreement, today)).toList());
    }
}
