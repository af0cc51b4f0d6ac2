package se.lefi.dev.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import se.lefi.infrastructure.persistence.PartyVersion;
import se.lefi.domain.access.LegalBasis;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.RegisterState;
import se.lefi.infrastructure.config.LefiConfiguration;

/** The transactional half of {@link DemoData}: organisations, agreements, assignments, web users. */
@Stateless
public class DemoSeeder {
    @PersistenceContext
    EntityManager em;

    @Inject
    LefiConfiguration configuration;

    /** Registers the parties not yet known; returns how many were registered now. */
    public int seedParties(List<DemoParties.Party> parties) {
        LocalDate today = LocalDate.now(configuration.clock());
        LocalDate signedOn = today.minusYears(1);
        Map<String, Organisation> byAlias = new HashMap<>();
        int created = 0;
        for (DemoParties.Party party : parties) {
            if (party.agreement() == DemoParties.AgreementState.UNREGISTERED) {
                continue;
            }
            List<Organisation> existing = em.createNamedQuery(Organisation.BY_NUMBER, Organisation.class)
                    .setParameter("number", party.organisationNumber()).getResultList();
            if (!existing.isEmpty()) {
                byAlias.put(party.alias(), existing.get(0));
                continue;
            }
            Organisation organisation = new Organisation(party.organisationNumber(), party.name(), party.kind());
            em.persist(organisation);
            byAlias.put(party.alias(), organisation);
            created++;
            if (party.agreement() != DemoParties.AgreementState.NONE) {
                em.persist(agreement(party, organisation, signedOn, today));
            }
            if (party.principalAlias() != null) {
                AgentAssignment assignment = new AgentAssignment(organisation, byAlias.get(party.principalAlias()), signedOn);
                if (party.assignmentCeased()) {
                    assignment.ceaseFrom(today.minusDays(7));
                }
                em.persist(assignment);
            }
        }
        if (created > 0) {
            PartyVersion.raise(em); // as an administrator's action would: nodes drop the party facts they hold
        }
        return created;
    }

    /**
     * Registers the access-rights decisions of web users not yet known at their organisation; returns how
     * many were registered now. A deregistered demo user is deregistered from yesterday.
     */
    public int seedWebUsers(List<DemoParties.WebUser> users, List<DemoParties.Party> parties) {
        LocalDate today = LocalDate.now(configuration.clock());
        int created = 0;
        for (DemoParties.WebUser user : users) {
            Organisation organisation = organisation(user.organisationAlias(), parties);
            String number = organisation.organisationNumber();
            boolean known = em.createNamedQuery(WebUser.BY_PERSON, WebUser.class)
                    .setParameter("personId", user.personId()).getResultStream()
                    .anyMatch(existing -> existing.organisation().organisationNumber().equals(number));
            if (known) {
                continue;
            }
            WebUser decision = new WebUser(organisation, user.personId(), user.name(), user.decidedBy(), today.minusMonths(6));
            if (user.deregistered()) {
                decision.deregisterFrom(today.minusDays(1), today.minusDays(1));
            }
            em.persist(decision);
            created++;
        }
        if (created > 0) {
            PartyVersion.raise(em);
        }
        return created;
    }

    /** Registers the actors not yet known; returns how many were registered now. An ended demo actor ended yesterday. */
    public int seedActors(List<DemoParties.Actor> actors, List<DemoParties.Party> parties) {
        LocalDate today = LocalDate.now(configuration.clock());
        int created = 0;
        for (DemoParties.Actor actor : actors) {
            boolean known = em.createNamedQuery(ActorRegistration.BY_ACTOR_ID, ActorRegistration.class)
                    .setParameter("actorId", actor.actorId()).getResultStream().findAny().isPresent();
            if (known) {
                continue;
            }
            Organisation principal = actor.principalAlias() == null ? null : organisation(actor.principalAlias(), parties);
            ActorRegistration registration = new ActorRegistration(actor.actorId(), organisation(actor.organisationAlias(), parties),
                    principal, Purpose.valueOf(actor.purpose()), today.minusYears(1));
            if (actor.ended()) {
                // Ended yesterday, as if the administrator had ended it then: the checked path, no back door.
                registration.endFrom(today.minusDays(1), today.minusDays(1));
            }
            em.persist(registration);
            created++;
        }
        if (created > 0) {
            PartyVersion.raise(em);
        }
        return created;
    }


    private Organisation organisation(String alias, List<DemoParties.Party> parties) {
        String number = parties.stream().filter(p -> p.alias().equals(alias)).map(DemoParties.Party::organisationNumber).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("demo data: no party with alias " + alias));
        return em.createNamedQuery(Organisation.BY_NUMBER, Organisation.class).setParameter("number", number).getSingleResult();
    }

    public void markRegisterTime(Instant time) {
        RegisterState state = em.find(RegisterState.class, RegisterState.SINGLETON_ID);
        if (state == null) {
            em.persist(new RegisterState(time));
        } else {
            state.advanceTo(time);
        }
    }

    private Agreement agreement(DemoParties.Party party, Organisation organisation, LocalDate signedOn, LocalDate today) {
        // An agent states the purposes of the authority it acts for.
        PartyKind basisKind = party.kind() == PartyKind.AGENT ? PartyKind.AUTHORITY : party.kind();
        Set<Purpose> purposes = party.purposes() == null
                ? configuration.legalBases().basesFor(basisKind).stream().map(LegalBasis::purpose)
                        .collect(() -> EnumSet.noneOf(Purpose.class), Set::add, Set::addAll)
                : enums(party.purposes(), Purpose.class, Purpose::valueOf);
        Set<InformationType> types = enums(party.informationTypes(), InformationType.class, InformationType::valueOf);
        Agreement agreement = new Agreement(organisation, signedOn.minusDays(14),
                enums(party.interfaces(), ServiceInterface.class, ServiceInterface::valueOf), purposes, types, party.longPeriodsAllowed());
        if (party.agreement() != DemoParties.AgreementState.SENT) {
            agreement.signByOrganisation(signedOn);
            agreement.signByAgency(signedOn);
        }
        if (party.agreement() == DemoParties.AgreementState.TERMINATED) {
            agreement.terminateFrom(today.minusDays(1), today);
        }
        return agreement;
    }

    /** {@code null} names all values ('*' in the parties file). */
    private static <E extends Enum<E>> Set<E> enums(List<String> names, Class<E> type, Function<String, E> parse) {
        if (names == null) {
            return EnumSet.allOf(type);
        }
        Set<E> set = EnumSet.noneOf(type);
        names.forEach(name -> set.add(parse.apply(name)));
        return set;
    }
}
