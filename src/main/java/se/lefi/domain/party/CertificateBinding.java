package se.lefi.domain.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A client certificate bound to an organisation by its SHA-256 fingerprint. Once an organisation
 * has had a binding, only its bound certificates identify it; unbinding takes effect at once and is
 * kept as history.
 */
@Entity
@Table(name = "CERTIFICATE_BINDING")
@NamedQuery(name = CertificateBinding.LIVE_BY_FINGERPRINT,
        query = "select b from CertificateBinding b where b.liveFingerprint = :fingerprint")
@NamedQuery(name = CertificateBinding.COUNT_OF_ORGANISATION,
        query = "select count(b) from CertificateBinding b where b.organisation = :organisation")
@NamedQuery(name = CertificateBinding.OF_ORGANISATION,
        query = "select b from CertificateBinding b where b.organisation = :organisation order by b.id")
public class CertificateBinding {
    public static final String LIVE_BY_FINGERPRINT = "CertificateBinding.liveByFingerprint";
    public static final String COUNT_OF_ORGANISATION = "CertificateBinding.countOfOrganisation";
    public static final String OF_ORGANISATION = "CertificateBinding.ofOrganisation";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "CERTIFICATE_BINDING_SEQ")
    @SequenceGenerator(name = "CERTIFICATE_BINDING_SEQ", sequenceName = "CERTIFICATE_BINDING_SEQ", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ORGANISATION_ID")
    private Organisation organisation;

    @Column(name = "FINGERPRINT", length = 64, nullable = false)
    private String fingerprint;

    // The fingerprint while bound, null after: the unique column that keeps one organisation per certificate.
    @Column(name = "LIVE_FINGERPRINT", length = 64, unique = true)
    private String liveFingerprint;

    @Column(name = "SUBJECT", length = 500, nullable = false)
    private String subject;

    @Column(name = "ISSUER", length = 500, nullable = false)
    private String issuer;

    @Column(name = "NOT_AFTER", nullable = false)
    private Instant notAfter;

    @Column(name = "BOUND_AT", nullable = false)
    private Instant boundAt;

    @Column(name = "UNBOUND_AT")
    private Instant unboundAt;

    protected CertificateBinding() {
    }

    public CertificateBinding(Organisation organisation, String fingerprint, String subject, String issuer, Instant notAfter,
                              Instant boundAt) {
        this.organisation = organisation;
        this.fingerprint = fingerprint;
        this.liveFingerprint = fingerprint;
        this.subject = subject;
        this.issuer = issuer;
        this.notAfter = notAfter;
        this.boundAt = boundAt;
    }

    public void unbind(Instant at) {
        if (!isBound()) {
            throw new LifecycleException(LifecycleException.Code.CERTIFICATE_NOT_BOUND, "The certificate is already unbound.");
        }
        this.unboundAt = at;
        this.liveFingerprint = null;
    }

    public boolean isBound() {
        return unboundAt == null;
    }

    public Organisation organisation() { return organisation; }
    public String fingerprint() { return fingerprint; }
    public String subject() { return subject; }
    public String issuer() { return issuer; }
    public Instant notAfter() { return notAfter; }
    public Instant boundAt() { return boundAt; }
    public Instant unboundAt() { return unboundAt; }
}
