package se.lefi.domain.access;

import se.lefi.domain.shared.RefusalCode;

import java.util.Optional;
import se.lefi.domain.identity.OrganisationNumber;

/**
 * Who is asking, as the transport established it. {@code organisationNumber} is what the client
 * certificate names (null when it names none); {@code certificateFingerprint} is null when no
 * certificate was presented. For a named user of the web interface, {@code userPersonId} is the
 * personnummer of the personal certificate and {@code organisationNumber} the organisation the
 * user acts for; systems have none. {@code certificateRefusal} is set when the certificate must not be
 * accepted though the handshake took it (revoked, or its status unknown where that is refused).
 */
public record Caller(String certificateFingerprint, String organisationNumber, String userPersonId, RefusalCode certificateRefusal) {

    public Caller(String certificateFingerprint, String organisationNumber) {
        this(certificateFingerprint, organisationNumber, null, null);
    }

    public Caller(String certificateFingerprint, String organisationNumber, String userPersonId) {
        this(certificateFingerprint, organisationNumber, userPersonId, null);
    }

    public static Caller webUser(String certificateFingerprint, String organisationNumber, String userPersonId) {
        return new Caller(certificateFingerprint, organisationNumber, userPersonId);
    }

    /** The same caller, refused for its certificate (revocation). */
    public Caller withCertificateRefusal(RefusalCode refusal) {
        return new Caller(certificateFingerprint, organisationNumber, userPersonId, refusal);
    }

    public boolean isWebUser() {
        return userPersonId != null;
    }

    public static Caller withoutCertificate() {
        return new Caller(null, null);
    }

    /** The valid organisationsnummer the certificate names, in its 10-digit form. */
    public Optional<String> namedOrganisation() {
        return organisationNumber != null && OrganisationNumber.isValid(organisationNumber)
                ? Optional.of(OrganisationNumber.parse(organisationNumber).value()) : Optional.empty();
    }

    public boolean presentedCertificate() {
        return certificateFingerprint != null;
    }

    /** What the access steps start from. */
    public Presented presented() {
        return new Presented(presentedCertificate(), certificateRefusal, certificateFingerprint, namedOrganisation().orElse(null), userPersonId);
    }
}
