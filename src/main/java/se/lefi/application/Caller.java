package se.lefi.application;

/**
 * Who is asking, as the transport established it. {@code organisationNumber} is what the client
 * certificate names (null when it names none); {@code certificateFingerprint} is null when no
 * certificate was presented.
 */
public record Caller(String certificateFingerprint, String organisationNumber) {

    public static Caller withoutCertificate() {
        return new Caller(null, null);
    }

    public boolean presentedCertificate() {
        return certificateFingerprint != null;
    }
}
