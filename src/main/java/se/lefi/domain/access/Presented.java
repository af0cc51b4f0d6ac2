package se.lefi.domain.access;

import se.lefi.domain.shared.RefusalCode;

/**
 * What a request presents before anything is looked up: the client certificate as the TLS listener
 * verified it. {@code certificateRefusal} is set when the certificate is revoked (or unchecked where that
 * is refused); {@code namedOrganisation} is the organisation number its subject names, if any;
 * {@code webUserPersonId} is set for a named user's personal certificate. A request made by the service
 * itself (a notification's re-check) presents nothing.
 */
public record Presented(boolean certificate, RefusalCode certificateRefusal, String fingerprint, String namedOrganisation,
                        String webUserPersonId) {
    public static final Presented NOTHING = new Presented(false, null, null, null, null);

    public boolean isWebUser() {
        return webUserPersonId != null;
    }
}
