package se.lefi.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One administrator's action: who, what, when, and the state before and after. Hashed when it is logged
 * and sealed into the administrators' chain ({@link AdminSeal}), as audit records are into theirs.
 */
@Entity
@Table(name = "ADMIN_ACTION")
@NamedQueries({
        @NamedQuery(name = AdminAction.RECENT, query = "select a from AdminAction a order by a.id desc"),
        @NamedQuery(name = AdminAction.UNSEALED, query = "select a from AdminAction a where a.sealId is null and a.recordedAt < :before order by a.id"),
        @NamedQuery(name = AdminAction.IN_SEAL, query = "select a from AdminAction a where a.sealId = :sealId order by a.id"),
        @NamedQuery(name = AdminAction.COUNT_UNSEALED, query = "select count(a) from AdminAction a where a.sealId is null")})
public class AdminAction implements Sealable {
    public static final String RECENT = "AdminAction.recent";
    public static final String UNSEALED = "AdminAction.unsealed";
    public static final String IN_SEAL = "AdminAction.inSeal";
    public static final String COUNT_UNSEALED = "AdminAction.countUnsealed";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ADMIN_ACTION_SEQ")
    @SequenceGenerator(name = "ADMIN_ACTION_SEQ", sequenceName = "ADMIN_ACTION_SEQ", allocationSize = 50)
    private Long id;

    @Column(name = "RECORDED_AT", nullable = false)
    private Instant recordedAt;

    @Column(name = "ADMIN_ORGANISATION", length = 10)
    private String adminOrganisation;

    @Column(name = "CERTIFICATE_FINGERPRINT", length = 64)
    private String certificateFingerprint;

    @Column(name = "ACTION", nullable = false, length = 40)
    private String action;

    @Column(name = "TARGET", nullable = false, length = 64)
    private String target;

    @Column(name = "BEFORE_STATE", length = 40)
    private String beforeState;

    @Column(name = "AFTER_STATE", length = 40)
    private String afterState;

    @Column(name = "DETAILS", length = 1000)
    private String details;

    @Column(name = "OUTCOME", nullable = false, length = 40)
    private String outcome;

    @Column(name = "RECORD_HASH", length = 64)
    private String recordHash;

    @Column(name = "SEAL_ID")
    private Long sealId;

    protected AdminAction() {
    }

    public AdminAction(Instant recordedAt, String adminOrganisation, String certificateFingerprint, String action, String target,
                       String beforeState, String afterState, String details, String outcome) {
        // The databases keep microseconds: the hash must be of what reads back.
        this.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
        this.adminOrganisation = adminOrganisation;
        this.certificateFingerprint = certificateFingerprint;
        this.action = action;
        this.target = target;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.details = details;
        this.outcome = outcome;
        this.recordHash = computeHash();
    }

    public Instant recordedAt() { return recordedAt; }
    public String adminOrganisation() { return adminOrganisation; }
    public String certificateFingerprint() { return certificateFingerprint; }
    public String action() { return action; }
    public String target() { return target; }
    public String beforeState() { return beforeState; }
    public String afterState() { return afterState; }
    public String details() { return details; }
    public String outcome() { return outcome; }

    @Override
    public Long id() {
        return id;
    }

    @Override
    public String recordHash() {
        return recordHash;
    }

    /** The fields an action's hash covers, by name and in order, as an exported archive names them. */
    public static final List<String> HASHED_FIELDS = List.of("recordedAt", "adminOrganisation", "certificateFingerprint", "action",
            "target", "beforeState", "afterState", "details", "outcome");

    public Map<String, String> hashedFields() {
        return AuditChain.named(HASHED_FIELDS, new Object[] {recordedAt, adminOrganisation, certificateFingerprint, action, target,
                beforeState, afterState, details, outcome});
    }

    public static String contentHash(Map<String, String> fields) {
        return AuditChain.contentHash(HASHED_FIELDS, fields);
    }

    @Override
    public String computeHash() {
        return contentHash(hashedFields());
    }

    /** Actions logged before the chain existed get their hash when they are first sealed. */
    public void hashIfUnhashed() {
        if (recordHash == null) {
            recordHash = computeHash();
        }
    }

    public Long sealId() {
        return sealId;
    }

    @Override
    public void sealIn(long sealId) {
        this.sealId = sealId;
    }
}
