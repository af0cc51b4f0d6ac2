package se.lefi.application.access;

import java.security.cert.X509Certificate;
import se.lefi.domain.access.Caller;
import se.lefi.infrastructure.security.ClientCertificates;

/**
 * Who calls, as the mutual-TLS handshake showed it: the ways in (SOAP, REST, v9, the web, the admin API) ask
 * here, so that reading and checking the certificate stays in one place behind the application.
 */
public final class TlsCallers {
    /** The request attribute in which the servlet container hands over the client's certificate chain. */
    public static final String CERTIFICATES_ATTRIBUTE = ClientCertificates.REQUEST_ATTRIBUTE;

    private TlsCallers() {
    }

    /** The caller the certificate chain in {@code certificatesAttribute} names, with any refusal of the certificate. */
    public static Caller of(Object certificatesAttribute) {
        return ClientCertificates.caller(certificatesAttribute);
    }

    public static String fingerprint(X509Certificate certificate) {
        return ClientCertificates.fingerprint(certificate);
    }

    /** The subject's serialNumber: an organisation number, or a personal e-identification's personnummer. */
    public static String subjectSerialNumber(X509Certificate certificate) {
        return ClientCertificates.subjectSerialNumber(certificate);
    }
}
