package se.lefi.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hashes that make the audit log tamper-evident: per record, and chained per seal. */
public final class AuditChain {
    /** The "previous hash" of the first seal. */
    public static final String GENESIS = "0".repeat(64);
    private static final char FIELD_SEPARATOR = '\u001f';
    private static final String ABSENT = "\u0000";

    private AuditChain() {
    }

    /** SHA-256 over every field, in a fixed order, with absent fields distinguished from empty ones. */
    public static String contentHash(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            text.append(field == null ? ABSENT : field.toString()).append(FIELD_SEPARATOR);
        }
        return sha256(text.toString());
    }

    /** {@code values} as text by name, in order; a null value stays null. */
    public static Map<String, String> named(List<String> names, Object[] values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), values[i] == null ? null : values[i].toString());
        }
        return fields;
    }

    /** {@link #contentHash(Object...)} of the fields {@code names} names, in that order. */
    public static String contentHash(List<String> names, Map<String, String> fields) {
        return contentHash(names.stream().map(fields::get).toArray());
    }

    public static String sealHash(String previousSealHash, List<String> recordHashes) {
        StringBuilder text = new StringBuilder(previousSealHash);
        recordHashes.forEach(hash -> text.append(FIELD_SEPARATOR).append(hash));
        return sha256(text.toString());
    }

    /** SHA-256 of the text's UTF-8, in hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required", e);
        }
    }
}
