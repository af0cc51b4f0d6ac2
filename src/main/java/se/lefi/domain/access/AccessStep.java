package se.lefi.domain.access;

import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

import static se.lefi.domain.shared.RefusalCode.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.CertificateBinding;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;

/**
 * The access decision's named steps, in the order they run (after the X-Road security server's access
 * check). Each reads the {@link AccessCheck} as the steps before it left it, adds what it finds, and
 * returns its refusal, if any, with one of the codes it names. {@link AccessPipeline} runs, for each
 * way in, the steps that apply to it; the first refusal ends the decision. The README's table of the
 * steps is tested against this list.
 */
public enum AccessStep {
    CERTIFICATE("the client certificate is presented, and its issuer has not revoked it (or, where unchecked certificates are refused, can say)",
            NO_CLIENT_CERTIFICATE, CERTIFICATE_REVOKED, CERTIFICATE_STATUS_UNKNOWN) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            if (c.organisation != null) {
                return Optional.empty(); // the service asks for an organisation it knows: no certificate to check
            }
            if (!c.presented.certificate()) {
                return refuse(NO_CLIENT_CERTIFICATE);
            }
            if (c.presented.certificateRefusal() != null) {
                // Nothing the certificate names is taken on trust, but the audit record names it.
                c.organisationNumber = c.presented.namedOrganisation();
                return refuse(c.presented.certificateRefusal());
            }
            return Optional.empty();
        }
    },
    CALLER("who asks: the organisation the certificate is bound to, or names while none of its certificates is bound; for a named user's certificate, the user's access-rights decision at the organisation",
            UNKNOWN_CERTIFICATE, NOT_CONNECTED, USER_NOT_AUTHORISED) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            if (c.organisation != null) {
                return Optional.empty();
            }
            if (c.presented.isWebUser()) {
                Optional<Organisation> organisation = Optional.ofNullable(c.presented.namedOrganisation()).flatMap(c.directory::organisation);
                if (organisation.isEmpty()) {
                    return refuse(USER_NOT_AUTHORISED);
                }
                c.organisationNumber = organisation.get().organisationNumber();
                // By number: the user's organisation may come from another persistence context.
                Optional<WebUser> user = c.directory.webUsers(c.presented.webUserPersonId()).stream()
                        .filter(u -> u.organisation().organisationNumber().equals(c.organisationNumber)).findFirst();
                if (user.isEmpty()) {
                    return refuse(USER_NOT_AUTHORISED);
                }
                c.organisation = organisation.get();
                c.webUser = user.get();
                return Optional.empty();
            }
            Optional<CertificateBinding> binding = Optional.ofNullable(c.presented.fingerprint()).flatMap(c.directory::liveBinding);
            Optional<Organisation> organisation = binding.map(CertificateBinding::organisation)
                    .or(() -> Optional.ofNullable(c.presented.namedOrganisation()).flatMap(c.directory::organisation)
                            .filter(o -> c.directory.bindingCount(o) == 0));
            if (organisation.isPresent()) {
                c.organisation = organisation.get();
                c.organisationNumber = organisation.get().organisationNumber();
                return Optional.empty();
            }
            String named = c.presented.namedOrganisation();
            c.organisationNumber = named;
            if (named == null) {
                return refuse(UNKNOWN_CERTIFICATE);
            }
            return c.directory.organisation(named).isPresent()
                    ? Optional.of(new Refusal(UNKNOWN_CERTIFICATE, "The client certificate is not bound to the organisation."))
                    : refuse(NOT_CONNECTED);
        }
    },
    CONNECTED("connected: the agreement is signed by both parties, not terminated on the day, and covers the interface; a named user's decision is live",
            NOT_CONNECTED, AGREEMENT_NOT_SIGNED, AGREEMENT_TERMINATED, INTERFACE_NOT_COVERED, USER_NOT_AUTHORISED, USER_DEREGISTERED) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            Optional<Agreement> agreement = c.directory.currentAgreement(c.organisation);
            Optional<Refusal> refusal = c.webUser == null ? ConnectionCheck.check(agreement, c.via, c.today)
                    : c.via == ServiceInterface.WEB ? ConnectionCheck.webUserAccess(c.webUser, agreement, c.today)
                    : refuse(INTERFACE_NOT_COVERED);
            if (refusal.isEmpty()) {
                c.agreement = agreement.get();
                c.answeringKind = c.organisation.kind();
                c.agreements = List.of(c.agreement);
            }
            return refusal;
        }
    },
    SERVICE_OPEN("the service is open: within the opening hours and outside planned maintenance (the SLA's terms)",
            OUTSIDE_SERVICE_HOURS, SERVICE_UNAVAILABLE) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            return c.serviceClosed.get();
        }
    },
    ACTOR("the actor (aktör) is registered to the certificate's organisation and live; another organisation's actor is unknown, so no caller learns which ids exist",
            UNKNOWN_ACTOR, ACTOR_ENDED) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            Optional<ActorRegistration> actor = ActorRegistration.isWellFormed(c.actorId) ? c.directory.actor(c.actorId) : Optional.empty();
            Optional<Refusal> refusal = ActorRules.checkActor(actor, c.organisation, c.today);
            if (refusal.isEmpty()) {
                c.actor = actor.get();
            }
            return refusal;
        }
    },
    SUBMITTER("SSBTEK: the submitter (ingivare) is the organisation the actor asks for, and an agent presenting its own certificate is named among the data processors",
            INVALID_ORGANISATION_NUMBER, SUBMITTER_MISMATCH) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            return c.submission == null ? Optional.empty() : ActorRules.checkSubmitter(c.submission, c.actor);
        }
    },
    INPUT("the input: personnummer or samordningsnummer (form, date, Luhn), the principal's organisationsnummer, period order, at least one type; under an actor, with the purpose and principal its registration states",
            INVALID_REQUEST, INVALID_PERSON_ID, INVALID_ORGANISATION_NUMBER, INVALID_PERIOD, NO_INFORMATION_TYPE) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            if (c.actor != null && c.question != null) {
                // Only now, after the submitter's step: a refusal before it audits the question as it was asked.
                c.question = c.question.forActor(c.actor.purpose(), c.actor.principal() == null ? null : c.actor.principal().organisationNumber());
            }
            if (c.requestInvalid.isPresent()) {
                return c.requestInvalid;
            }
            if (c.question != null) {
                return DisclosureRules.validateInput(c.question, c.today);
            }
            return c.statedPrincipal != null && !OrganisationNumber.isValid(c.statedPrincipal) ? refuse(INVALID_ORGANISATION_NUMBER) : Optional.empty();
        }
    },
    CASE_SCOPE("SSBTEK: the question is about the case's person (personidentitet) and within its period (tidsperiod)",
            INVALID_PERSON_ID, INVALID_PERIOD, QUESTION_NOT_IN_CASE) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            return c.submission == null ? Optional.empty() : ActorRules.checkCase(c.question, c.submission, c.today);
        }
    },
    REPRESENTATION("an agent (ombud) names its principal and has a live assignment from it; no one else names a principal",
            PRINCIPAL_MISSING, PRINCIPAL_NOT_ALLOWED, NO_LIVE_ASSIGNMENT) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            String principalNumber = c.principalNumber();
            Optional<Organisation> principal = Optional.ofNullable(principalNumber).flatMap(c.directory::organisation);
            Optional<AgentAssignment> assignment = principal.flatMap(p -> c.directory.assignment(c.organisation, p));
            Optional<Refusal> refusal = DisclosureRules.checkRepresentation(c.organisation.kind(), principalNumber != null, assignment, c.today);
            if (refusal.isEmpty()) {
                c.principal = principal.orElse(null);
            }
            return refusal;
        }
    },
    PRINCIPAL_CONNECTED("the principal's own agreement is in force on the day and covers the interface; the principal then answers for the question",
            NOT_CONNECTED, AGREEMENT_NOT_SIGNED, AGREEMENT_TERMINATED, INTERFACE_NOT_COVERED) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            if (c.principal == null) {
                return Optional.empty();
            }
            Optional<Agreement> agreement = c.directory.currentAgreement(c.principal);
            Optional<Refusal> refusal = ConnectionCheck.check(agreement, c.via, c.today)
                    .map(r -> new Refusal(r.code(), "The principal: " + r.message()));
            if (refusal.isEmpty()) {
                c.answeringKind = c.principal.kind();
                c.agreements = List.of(c.agreement, agreement.get());
            }
            return refusal;
        }
    },
    PERIOD_LENGTH("a period over two years needs every agreement's exception", PERIOD_TOO_LONG) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            return DisclosureRules.checkPeriodLength(c.question.from(), c.question.tom(), c.longPeriodsAllowed());
        }
    },
    LEGAL_BASIS("the purpose has a legal basis for the kind of party that answers (config/legal-bases.csv), and every agreement involved covers it",
            NO_LEGAL_BASIS, PURPOSE_NOT_IN_AGREEMENT) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            Optional<LegalBasis> basis = c.legalBases.basisFor(c.answeringKind, c.purpose());
            Optional<Refusal> refusal = DisclosureRules.checkPurpose(basis, c.covers(c.purpose()));
            if (refusal.isEmpty()) {
                c.basis = basis.get();
            }
            return refusal;
        }
    },
    CONSENT_OR_CASE("consent where the basis demands it (given, and not dated after the day); a case id where it demands an open case",
            CONSENT_MISSING, CONSENT_INVALID, CASE_MISSING) {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            return DisclosureRules.checkCondition(c.basis, c.question.consent(), c.question.caseId(), c.today);
        }
    },
    TYPES("the types every agreement involved allows are read; the rest are left out and reported as deviations") {
        @Override
        Optional<Refusal> check(AccessCheck c) {
            c.types = DisclosureRules.selectTypes(c.question.informationTypes(), c.allowedTypes());
            return Optional.empty();
        }
    };

    private final String rule;
    private final Set<RefusalCode> codes;

    AccessStep(String rule, RefusalCode... codes) {
        this.rule = rule;
        this.codes = codes.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(codes[0], codes));
    }

    /** What the step holds to, in a sentence. */
    public String rule() {
        return rule;
    }

    /** The codes it may refuse with. */
    public Set<RefusalCode> codes() {
        return codes;
    }

    abstract Optional<Refusal> check(AccessCheck check);

    private static Optional<Refusal> refuse(RefusalCode code) {
        return Optional.of(Refusal.of(code));
    }
}
