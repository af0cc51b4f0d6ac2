package se.lefi.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.time.temporal.ChronoUnit;

/**
 * One disclosure question, granted or refused: who asked, about whom, why, under which basis,
 * what was returned and at which register time. Written in the same transaction as the answer.
 */
@Entity
@Table(name = "AUDIT_RECORD", indexes = {
        @Index(name = "AUDIT_RECORD_REQUEST", columnList = "REQUEST_ID", unique = true),
        @Index(name = "AUDIT_RECORD_ORGANISATION", columnList = "ORGANISATION_NUMBER")})
@NamedQueries({
        @NamedQuery(name = AuditRecord.BY_REQUEST_ID, query = "select a from AuditRecord a where a.requestId = :requestId"),
        @NamedQuery(name = AuditRecord.UNSEALED, query = "select a from AuditRecord a where a.sealId is null and a.recordedAt < :before order by a.id"),
        @NamedQuery(name = AuditRecord.IN_SEAL, query = "select a from AuditRecord a where a.sealId = :sealId order by a.id"),
        @NamedQuery(name = AuditRecord.COUNT_UNSEALED, query = "select count(a) from AuditRecord a where a.sealId is null")})
public class AuditRecord implements Sealable {
    public static final String BY_REQUEST_ID = "AuditRecord.byRequestId";
    public static final String UNSEALED = "AuditRecord.unsealed";
    public static final String IN_SEAL = "AuditRecord.inSeal";
    public static final String COUNT_UNSEALED = "AuditRecord.countUnsealed";
    public static final String GRANTED = "GRANTED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "AUDIT_RECORD_SEQ")
    @SequenceGenerator(name = "AUDIT_RECORD_SEQ", sequenceName = "AUDIT_RECORD_SEQ", allocationSize = 50)
    private Long id;

    @Column(name = "REQUEST_ID", nullable = false, length = 36)
    private String requestId;

    @Column(name = "RECORDED_AT", nullable = false)
    private Instant recordedAt;

    @Column(name = "INTERFACE_NAME", nullable = false, length = 20)
    private String interfaceName;

    @Column(name = "OPERATION", nullable = false, length = 40)
    private String operation;

    @Column(name = "ORGANISATION_NUMBER", length = 10)
    private String organisationNumber;

    @Column(name = "CERTIFICATE_FINGERPRINT", length = 64)
    private String certificateFingerprint;

    // The named user, for questions through the web interface.
    @Column(name = "USER_PERSON_ID", length = 12)
    private String userPersonId;

    @Column(name = "PRINCIPAL_NUMBER", length = 10)
    private String principalOrganisationNumber;

    @Column(name = "PERSON_ID", length = 12)
    private String personId;

    @Column(name = "PURPOSE", length = 40)
    private String purpose;

    @Column(name = "LEGAL_BASIS", length = 200)
    private String legalBasis;

    @Column(name = "CONSENT_REFERENCE", length = 400)
    private String consentReference;

    @Column(name = "CASE_ID", length = 64)
    private String caseId;

    @Column(name = "CORRELATION_ID", length = 64)
    private String correlationId;

    @Column(name = "TYPES_RETURNED", length = 400)
    private String typesReturned;

    @Column(name = "TYPES_WITHHELD", length = 400)
    private String typesWithheld;

    @Column(name = "OUTCOME", nullable = false, length = 40)
    private String outcome;

    @Column(name = "REGISTER_TIME")
    private Instant registerTime;

    // LEFI Förmånsinformation v9 and SSBTEK: the actor registration asked under.
    @Column(name = "ACTOR_ID", length = 64)
    private String actorId;

    // SSBTEK: the submitter's own purpose (syfte) and legal text (lagtext), verbatim, and its case handler.
    @Column(name = "STATED_PURPOSE", length = 1000)
    private String statedPurpose;

    @Column(name = "STATED_LEGAL_TEXT", length = 1000)
    private String statedLegalText;

    @Column(name = "CASE_HANDLER", length = 200)
    private String caseHandler;

    @Column(name = "RECORD_HASH", length = 64)
    private String recordHash;

    @Column(name = "SEAL_ID")
    private Long sealId;

    protected AuditRecord() {
    }

    public AuditRecord(String requestId, Instant recordedAt, String interfaceName, String operation) {
        this.requestId = requestId;
        // Databases keep microseconds; the content hash must survive the round trip.
        this.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
        this.interfaceName = interfaceName;
        this.operation = operation;
    }

    public AuditRecord caller(String organisationNumber, String certificateFingerprint) {
        this.organisationNumber = organisationNumber;
        this.certificateFingerprint = certificateFingerprint;
        return this;
    }

    public AuditRecord user(String userPersonId) {
        this.userPersonId = userPersonId;
        return this;
    }

    public String userPersonId() {
        return userPersonId;
    }

    public AuditRecord principal(String principalOrganisationNumber) {
        this.principalOrganisationNumber = principalOrganisationNumber;
        return this;
    }

    public AuditRecord subject(String personId, String purpose, String correlationId) {
        this.personId = personId;
        this.purpose = purpose;
        this.correlationId = correlationId;
        return this;
    }

    public AuditRecord basis(String legalBasis, String consentReference, String caseId) {
        this.legalBasis = legalBasis;
        this.consentReference = consentReference;
        this.caseId = caseId;
        return this;
    }

    public AuditRecord disclosed(String typesReturned, String typesWithheld, Instant registerTime) {
        this.typesReturned = typesReturned;
        this.typesWithheld = typesWithheld;
        this.registerTime = registerTime == null ? null : registerTime.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    public AuditRecord actor(String actorId) {
        this.actorId = actorId;
        return this;
    }

    /** SSBTEK's general parameters as the submitter gave them. */
    public AuditRecord submission(String statedPurpose, String statedLegalText, String caseHandler) {
        this.statedPurpose = statedPurpose;
        this.statedLegalText = statedLegalText;
        this.caseHandler = caseHandler;
        return this;
    }

    public AuditRecord outcome(String outcome) {
        this.outcome = outcome;
        return this;
    }

    /** Fixes the content hash before the record is stored: JPA calls it; a writer that does not use JPA must. */
    @PrePersist
    public void hashContent() {
        recordHash = computeHash();
    }

    /**
     * The fields a record's hash covers, by name, in the order they are hashed: the names an exported
     * archive uses too, so that a verifier recomputes the hash from the archive alone.
     */
    public static final List<String> HASHED_FIELDS = List.of("requestId", "recordedAt", "interfaceName", "operation",
            "organisationNumber", "certificateFingerprint", "principalOrganisationNumber", "personId", "purpose", "legalBasis",
            "consentReference", "caseId", "correlationId", "typesReturned", "typesWithheld", "outcome", "registerTime",
            "userPersonId", "actorId", "statedPurpose", "statedLegalText", "caseHandler");
    /** Records from before actors existed hash only the fields before these, and keep the hash they were sealed with. */
    private static final int BEFORE_ACTORS = HASHED_FIELDS.indexOf("actorId");

    /** The hashed fields' values as text (null when absent), by name, in {@link #HASHED_FIELDS}' order. */
    public Map<String, String> hashedFields() {
        Object[] values = {requestId, recordedAt, interfaceName, operation, organisationNumber, certificateFingerprint,
                principalOrganisationNumber, personId, purpose, legalBasis, consentReference, caseId, correlationId,
                typesReturned, typesWithheld, outcome, registerTime, userPersonId, actorId, statedPurpose, statedLegalText, caseHandler};
        return AuditChain.named(HASHED_FIELDS, values);
    }

    /** The hash of a record's fields as {@link #hashedFields()} gives them, from a database or an archive. */
    public static String contentHash(Map<String, String> fields) {
        boolean beforeActors = HASHED_FIELDS.subList(BEFORE_ACTORS, HASHED_FIELDS.size()).stream().allMatch(name -> fields.get(name) == null);
        return AuditChain.contentHash(beforeActors ? HASHED_FIELDS.subList(0, BEFORE_ACTORS) : HASHED_FIELDS, fields);
    }

    /** The hash of the record's content as it stands now: equal to {@link #recordHash()} unless it was changed. */
    @Override
    public String computeHash() {
        return contentHash(hashedFields());
    }

    @Override
    public String recordHash() {
        return recordHash;
    }

    @Override
    public Long id() {
        return id;
    }

    public Long sealId() {
        return sealId;
    }

    @Override
    public void sealIn(long sealId) {
        this.sealId = sealId;
    }

    public String requestId() {
        return requestId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public String certificateFingerprint() {
        return certificateFingerprint;
    }

    public String principalOrganisationNumber() {
        return principalOrganisationNumber;
    }

    public String purpose() {
        return purpose;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public String consentReference() {
        return consentReference;
    }

    public String caseId() {
        return caseId;
    }

    public String correlationId() {
        return correlationId;
    }

    public String typesReturned() {
        return typesReturned;
    }

    public String typesWithheld() {
        return typesWithheld;
    }

    public Instant registerTime() {
        return registerTime;
    }

    public String organisationNumber() {
        return organisationNumber;
    }

    public String outcome() {
        return outcome;
    }

    public String personId() {
        return personId;
    }

    public String operation() {
        return operation;
    }

    public String actorId() {
        return actorId;
    }

    public String statedPurpose() {
        return statedPurpose;
    }

    public String statedLegalText() {
        return statedLegalText;
    }

    public String caseHandler() {
        return caseHandler;
    }
}
