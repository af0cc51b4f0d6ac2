package se.lefi.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** The seals' and the archive manifest's signatures: ECDSA with SHA-256 over the text's UTF-8, as base64 DER. */
public final class SealSignature {
    public static final String ALGORITHM = "SHA256withECDSA";

    private SealSignature() {
    }

    public static String sign(PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the text could not be signed", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s over {@code text}; a null key, or a signature that does not parse, does not verify. */
    public static boolean verifies(PublicKey key, String text, String signature) {
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
