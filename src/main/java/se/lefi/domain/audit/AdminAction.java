package se.lefi.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One administrator's action on the connection lifecycle: who, what, when, and the state before and after. */
@Entity
@Table(name = "ADMIN_ACTION")
@NamedQuery(name = AdminAction.RECENT, query = "select a from AdminAction a order by a.id desc")
public class AdminAction {
    public static final String RECENT = "AdminAction.recent";

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

    protected AdminAction() {
    }

    public AdminAction(Instant recordedAt, String adminOrganisation, String certificateFingerprint, String action, String target,
                       String beforeState, String afterState, String details, String outcome) {
        this.recordedAt = recordedAt;
        this.adminOrganisation = adminOrganisation;
        this.certificateFingerprint = certificateFingerprint;
        this.action = action;
        this.target = target;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.details = details;
        this.outcome = outcome;
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
}
