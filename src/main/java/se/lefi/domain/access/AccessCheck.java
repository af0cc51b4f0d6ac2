package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.Refusal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyDirectory;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;
import se.lefi.domain.register.InformationType;

/**
 * One request's facts as the access steps find them, in order: what was asked, then who asks, its
 * agreement, its actor, who answers for the question, the legal basis and the types. Each
 * {@link AccessStep} reads what the steps before it found and adds its own; the audit record is built
 * from it once, whatever step the decision ended at.
 */
public final class AccessCheck {
    final Presented presented;
    final ServiceInterface via;
    final LocalDate today;
    final PartyDirectory directory;
    final LegalBasisCatalogue legalBases;

    Supplier<Optional<Refusal>> serviceClosed = Optional::empty;
    BenefitQuestion question;
    String actorId;
    Submission submission;
    String statedPrincipal;
    Optional<Refusal> requestInvalid = Optional.empty();

    String organisationNumber;
    Organisation organisation;
    WebUser webUser;
    Agreement agreement;
    ActorRegistration actor;
    Organisation principal;
    PartyKind answeringKind;
    List<Agreement> agreements = List.of();
    LegalBasis basis;
    DisclosureRules.TypeSelection types;

    private AccessCheck(Presented presented, ServiceInterface via, LocalDate today, PartyDirectory directory, LegalBasisCatalogue legalBases) {
        this.presented = presented;
        this.via = via;
        this.today = today;
        this.directory = directory;
        this.legalBases = legalBases;
    }

    /** A request that presents a certificate (or none) over {@code via}, decided on {@code today}. */
    public static AccessCheck of(Presented presented, ServiceInterface via, LocalDate today, PartyDirectory directory,
                                 LegalBasisCatalogue legalBases) {
        return new AccessCheck(presented, via, today, directory, legalBases);
    }

    /**
     * A request whose steps read no party fact and no legal basis: an order's next person, of whom only the
     * input is checked ({@link AccessPipeline#NEXT_PERSON_OF_ORDER}). Nothing is looked up for it, not even
     * the party version; it has neither directory nor catalogue to look in.
     */
    public static AccessCheck ofInputOnly(Presented presented, ServiceInterface via, LocalDate today) {
        return new AccessCheck(presented, via, today, null, null);
    }

    /** A request the service makes for an organisation it already knows (a notification's re-check): no certificate. */
    public static AccessCheck forOrganisation(Organisation organisation, ServiceInterface via, LocalDate today, PartyDirectory directory,
                                              LegalBasisCatalogue legalBases) {
        AccessCheck check = new AccessCheck(Presented.NOTHING, via, today, directory, legalBases);
        check.organisation = organisation;
        check.organisationNumber = organisation.organisationNumber();
        return check;
    }

    public AccessCheck question(BenefitQuestion asked) {
        this.question = asked;
        return this;
    }

    public AccessCheck actor(String asked, Submission submitted) {
        this.actorId = asked;
        this.submission = submitted;
        return this;
    }

    /** The principal a request names outside a question (the available types, a subscription's operation), as given. */
    public AccessCheck principal(String stated) {
        this.statedPrincipal = stated;
        return this;
    }

    /** What the way in found wrong with the request itself, reported at the input step. */
    public AccessCheck invalid(Optional<Refusal> invalid) {
        this.requestInvalid = invalid;
        return this;
    }

    /** Whether the service is closed now (opening hours, maintenance), asked only if the service-hours step runs. */
    public AccessCheck serviceClosed(Supplier<Optional<Refusal>> closed) {
        this.serviceClosed = closed;
        return this;
    }

    // ------------------------------------------------------------------ what the steps found

    public Presented presented() {
        return presented;
    }

    public LocalDate today() {
        return today;
    }

    /** The question as it stands: an actor's registration completes its purpose and principal. */
    public BenefitQuestion question() {
        return question;
    }

    /** The organisation number of who asks, as far as known: the bound organisation's, else the one the certificate names. */
    public String organisationNumber() {
        return organisationNumber;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Agreement agreement() {
        return agreement;
    }

    public ActorRegistration actorRegistration() {
        return actor;
    }

    public String actorId() {
        return actorId;
    }

    public Submission submission() {
        return submission;
    }

    public PartyKind answeringKind() {
        return answeringKind;
    }

    public LegalBasis basis() {
        return basis;
    }

    public DisclosureRules.TypeSelection types() {
        return types;
    }

    /** The question's person, canonical, when its id is valid. */
    public String personId() {
        return question == null || question.personId() == null || !PersonId.isValid(question.personId(), today) ? null
                : PersonId.parse(question.personId(), today).canonical();
    }

    /** The principal named (by the question, the actor or the request), as ten digits when valid; else null. */
    public String principalNumber() {
        String named = question != null ? question.principalOrganisationNumber()
                : actor != null ? (actor.principal() == null ? null : actor.principal().organisationNumber())
                : statedPrincipal;
        return named == null || !OrganisationNumber.isValid(named) ? null : OrganisationNumber.parse(named).value();
    }

    /** The purpose asked under: the question's, or an actor's without a question. */
    public Purpose purpose() {
        return question != null ? question.purpose() : actor != null ? actor.purpose() : null;
    }

    /** Every agreement involved covers the purpose. */
    public boolean covers(Purpose purpose) {
        return agreements.stream().allMatch(a -> a.covers(purpose));
    }

    /** The information types every agreement involved allows. */
    public Set<InformationType> allowedTypes() {
        Set<InformationType> allowed = EnumSet.allOf(InformationType.class);
        agreements.forEach(a -> allowed.retainAll(a.informationTypes()));
        return allowed;
    }

    /** Every agreement involved allows periods over two years. */
    boolean longPeriodsAllowed() {
        return agreements.stream().allMatch(Agreement::longPeriodsAllowed);
    }
}
