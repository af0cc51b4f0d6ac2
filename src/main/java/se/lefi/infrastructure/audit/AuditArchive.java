package se.lefi.infrastructure.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import se.lefi.domain.audit.AdminAction;
import se.lefi.domain.audit.AuditChain;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.audit.ChainCheck;
import se.lefi.domain.audit.ChainSeal;
import se.lefi.domain.audit.SealSignature;
import se.lefi.domain.audit.SealStatement;

/**
 * The exported audit archive: a zip that holds everything needed to check a stretch of both chains
 * without the server or its database.
 *
 * <ul>
 *   <li>{@code audit.jsonl} and {@code admin.jsonl}: one JSON object per line, in chain order: each seal
 *       ({@code "type": "seal"}: id, format, sealedAt, recordCount, previousHash, sealHash, entries as
 *       "id hash" strings, signature) followed by the records it covers ({@code "type": "record"}: id,
 *       sealId, recordHash, and the hashed fields by name).</li>
 *   <li>{@code signing-chain.pem}: the audit-signing certificate, then its issuers.</li>
 *   <li>{@code manifest.json}: the format, the period, when it was exported, and per chain the first seal's
 *       number and the hash it follows (the anchor to compare with an earlier archive), and the counts.</li>
 *   <li>{@code README.txt}: this description, for whoever opens the archive.</li>
 * </ul>
 */
public final class AuditArchive {
    public static final String FORMAT = "lefi-audit-archive/1";
    /** The "chain" of a finding about the archive as a whole (its manifest). */
    public static final String ARCHIVE = "archive";
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIGNATURE = "manifest.sig";
    /** The chains every archive holds, even when a chain had no seal in the period. */
    static final List<String> CHAINS = List.of(SealStatement.AUDIT, SealStatement.ADMIN);
    static final String CHAIN_PEM = "signing-chain.pem";
    /** A line longer than this is not an archive's: a seal of 5,000 records is about 400 KiB. */
    static final int MAX_LINE = 2 * 1024 * 1024;
    /** Entries of an archive the verifier reads at most, whatever the zip claims. */
    static final long MAX_ENTRY_BYTES = 8L * 1024 * 1024 * 1024;
    private static final String README = """
            lefi audit archive (%s)

            audit.jsonl, admin.jsonl  one JSON object per line: a seal ("type": "seal"), then the records it
                                      covers ("type": "record"), in chain order. A seal states its chain, id,
                                      time, the previous seal's hash and each record's "id hash"; its sealHash
                                      is the SHA-256 of that statement and its signature (ECDSA, base64 DER)
                                      is over it. A record's hash is the SHA-256 of its hashed fields.
            signing-chain.pem         the audit-signing certificate, then its issuers
            manifest.json             the period, and per chain the first seal and the hash it follows, the
                                      last seal and its hash, and the counts
            manifest.sig              the signature over manifest.json's bytes (ECDSA, base64 DER): a chain
                                      or its last seals cut from the archive do not go unnoticed

            Check it offline: bin/lefi audit verify FILE --ca CA.pem
            """.formatted(FORMAT);

    private AuditArchive() {
    }

    /** Writes an archive seal by seal, so that an export never holds more than one seal's records. */
    public static final class Writer implements AutoCloseable {
        private final ZipOutputStream zip;
        private final Map<String, JsonObjectBuilder> chains = new LinkedHashMap<>();
        private String chain;
        private long seals;
        private long records;
        private Long lastSeal;
        private String lastHash;

        public Writer(OutputStream out) {
            this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        }

        /** Starts a chain's file; {@code previousHash} is the hash its first seal follows. */
        public void chain(String name, Long firstSealId, String previousHash) throws IOException {
            endChain();
            chain = name;
            seals = 0;
            records = 0;
            lastSeal = null;
            lastHash = null;
            zip.putNextEntry(new ZipEntry(name + ".jsonl"));
            JsonObjectBuilder anchor = Json.createObjectBuilder().add("previousHash", previousHash);
            if (firstSealId != null) {
                anchor.add("firstSeal", firstSealId);
            }
            chains.put(name, anchor);
        }

        public void seal(ChainSeal seal) throws IOException {
            JsonArrayBuilder entries = Json.createArrayBuilder();
            if (seal.entries() != null) {
                seal.entries().lines().forEach(entries::add);
            }
            JsonObjectBuilder line = Json.createObjectBuilder().add("type", "seal").add("id", seal.id()).add("format", seal.format())
                    .add("sealedAt", seal.sealedAt().toString()).add("recordCount", seal.recordCount())
                    .add("previousHash", seal.previousHash()).add("sealHash", seal.sealHash()).add("entries", entries);
            nullable(line, "signature", seal.signature());
            write(line.build());
            seals++;
            lastSeal = seal.id();
            lastHash = seal.sealHash();
        }

        public void record(long id, Long sealId, String recordHash, Map<String, String> fields) throws IOException {
            JsonObjectBuilder line = Json.createObjectBuilder().add("type", "record").add("id", id);
            if (sealId != null) {
                line.add("sealId", sealId);
            }
            nullable(line, "recordHash", recordHash);
            fields.forEach((name, value) -> nullable(line, name, value));
            write(line.build());
            records++;
        }

        /** Ends the archive: the manifest and its signature, the signing chain and the README. */
        public void finish(Instant from, Instant to, Instant exportedAt, List<X509Certificate> signingChain, ChainSeal.Signer signer)
                throws IOException {
            endChain();
            JsonObjectBuilder manifest = Json.createObjectBuilder().add("format", FORMAT).add("from", from.toString())
                    .add("to", to.toString()).add("exportedAt", exportedAt.toString());
            JsonObjectBuilder chainsObject = Json.createObjectBuilder();
            chains.forEach(chainsObject::add);
            manifest.add("chains", chainsObject);
            String manifestText = manifest.build().toString() + "\n";
            entry(MANIFEST, manifestText);
            String signature = signer.sign(manifestText);
            if (signature != null) {
                entry(MANIFEST_SIGNATURE, signature + "\n");
            }
            StringBuilder pem = new StringBuilder();
            for (X509Certificate certificate : signingChain) {
                try {
                    pem.append("-----BEGIN CERTIFICATE-----\n")
                            .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
                            .append("\n-----END CERTIFICATE-----\n");
                } catch (CertificateEncodingException e) {
                    throw new IOException("the signing certificate could not be encoded", e);
                }
            }
            entry(CHAIN_PEM, pem.toString());
            entry("README.txt", README);
            zip.finish();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        private void endChain() throws IOException {
            if (chain != null) {
                zip.closeEntry();
                JsonObjectBuilder counts = chains.get(chain).add("seals", seals).add("records", records);
                if (lastSeal != null) {
                    counts.add("lastSeal", lastSeal).add("lastHash", lastHash);
                }
                chain = null;
            }
        }

        private void entry(String name, String text) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        private void write(JsonObject line) throws IOException {
            zip.write((line.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        }

        private static void nullable(JsonObjectBuilder builder, String name, String value) {
            if (value == null) {
                builder.addNull(name);
            } else {
                builder.add(name, value);
            }
        }
    }

    /** What an archive holds, as read: the manifest with its exact text and signature (null if none). */
    public record Contents(JsonObject manifest, String manifestText, String manifestSignature, Map<String, List<JsonObject>> chains,
                           List<X509Certificate> signingChain) {
    }

    /** Reads an archive; a zip that is not one (no manifest, another format, an unreadable line) is an IOException. */
    public static Contents read(Path file) throws IOException {
        JsonObject manifest = null;
        String manifestText = null;
        String manifestSignature = null;
        Map<String, List<JsonObject>> chains = new LinkedHashMap<>();
        List<X509Certificate> signingChain = List.of();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.equals(MANIFEST)) {
                    manifestText = new String(bounded(zip), StandardCharsets.UTF_8);
                    manifest = json(manifestText);
                } else if (name.equals(MANIFEST_SIGNATURE)) {
                    manifestSignature = new String(bounded(zip), StandardCharsets.UTF_8).strip();
                } else if (name.equals(CHAIN_PEM)) {
                    signingChain = certificates(bounded(zip));
                } else if (name.equals(SealStatement.AUDIT + ".jsonl") || name.equals(SealStatement.ADMIN + ".jsonl")) {
                    chains.put(name.substring(0, name.length() - ".jsonl".length()), lines(zip));
                }
            }
        }
        if (manifest == null || !FORMAT.equals(manifest.getString("format", null))) {
            throw new IOException("not a " + FORMAT + " archive (no manifest of that format)");
        }
        return new Contents(manifest, manifestText, manifestSignature, chains, signingChain);
    }

    /**
     * Every finding of both chains of {@code contents}, checked against {@code signingKey}: each seal's
     * statement, hash and signature, each link, and each record against its seal, in the archive's order.
     */
    public static List<ChainCheck.Finding> check(Contents contents, PublicKey signingKey) {
        List<ChainCheck.Finding> findings = new ArrayList<>();
        if (contents.manifestSignature() == null) {
            findings.add(new ChainCheck.Finding(ChainCheck.Kind.SIGNATURE_MISSING, ARCHIVE, 0, "the manifest is not signed"));
        } else if (!SealSignature.verifies(signingKey, contents.manifestText(), contents.manifestSignature())) {
            findings.add(new ChainCheck.Finding(ChainCheck.Kind.SIGNATURE_INVALID, ARCHIVE, 0, "the manifest's signature does not verify"));
        }
        JsonObject anchors = contents.manifest().getJsonObject("chains");
        for (String name : CHAINS) {
            if (!contents.chains().containsKey(name)) {
                findings.add(new ChainCheck.Finding(ChainCheck.Kind.SEAL_REMOVED, name, 0, "the archive has no " + name + " chain"));
            }
        }
        for (Map.Entry<String, List<JsonObject>> chain : contents.chains().entrySet()) {
            JsonObject anchor = anchors == null ? null : anchors.getJsonObject(chain.getKey());
            Function<Map<String, String>, String> hash = chain.getKey().equals(SealStatement.ADMIN)
                    ? AdminAction::contentHash : AuditRecord::contentHash;
            List<String> names = chain.getKey().equals(SealStatement.ADMIN) ? AdminAction.HASHED_FIELDS : AuditRecord.HASHED_FIELDS;
            Long firstSeal = anchor == null || !anchor.containsKey("firstSeal") ? null : anchor.getJsonNumber("firstSeal").longValue();
            // A stretch that starts at the chain's first seal is anchored at the genesis, whatever the manifest says.
            String previousHash = firstSeal != null && firstSeal == 1 ? AuditChain.GENESIS
                    : anchor == null ? "" : anchor.getString("previousHash", "");
            ChainCheck check = new ChainCheck(chain.getKey(), signingKey, previousHash, firstSeal);
            List<JsonObject> seals = new ArrayList<>();
            Map<Long, List<ChainCheck.Entry>> recordsBySeal = new LinkedHashMap<>();
            List<JsonObject> unsealed = new ArrayList<>();
            for (JsonObject line : chain.getValue()) {
                if ("seal".equals(line.getString("type", null))) {
                    seals.add(line);
                } else if (line.containsKey("sealId") && !line.isNull("sealId")) {
                    recordsBySeal.computeIfAbsent(line.getJsonNumber("sealId").longValue(), id -> new ArrayList<>())
                            .add(entry(line, names, hash));
                } else {
                    unsealed.add(line);
                }
            }
            for (JsonObject seal : seals) {
                long id = seal.getJsonNumber("id").longValue();
                check.seal(seal(seal), recordsBySeal.getOrDefault(id, List.of()));
                recordsBySeal.remove(id);
            }
            if (anchor != null && anchor.containsKey("lastSeal")) {
                check.end(anchor.getJsonNumber("lastSeal").longValue(), anchor.getString("lastHash", ""));
            }
            findings.addAll(check.findings());
            recordsBySeal.values().forEach(records -> records.forEach(record -> findings.add(new ChainCheck.Finding(
                    ChainCheck.Kind.RECORD_INSERTED, chain.getKey(), record.id(),
                    chain.getKey() + " record " + record.id() + " names a seal that is not in the archive"))));
            unsealed.forEach(line -> findings.add(new ChainCheck.Finding(ChainCheck.Kind.RECORD_INSERTED, chain.getKey(),
                    line.getJsonNumber("id").longValue(), chain.getKey() + " record " + line.getJsonNumber("id").longValue()
                    + " names no seal")));
        }
        return findings;
    }

    private static ChainCheck.Entry entry(JsonObject line, List<String> names, Function<Map<String, String>, String> hash) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : names) {
            fields.put(name, text(line, name));
        }
        return new ChainCheck.Entry(line.getJsonNumber("id").longValue(), text(line, "recordHash"), hash.apply(fields));
    }

    private static ChainCheck.Seal seal(JsonObject line) {
        StringBuilder text = new StringBuilder();
        for (JsonValue value : line.getJsonArray("entries")) {
            text.append(value instanceof JsonString entry ? entry.getString() : "?").append('\n');
        }
        List<SealStatement.Entry> entries = SealStatement.parseEntriesOrNull(text.toString());
        int format = line.getInt("format");
        return new ChainCheck.Seal(line.getJsonNumber("id").longValue(), format, Instant.parse(line.getString("sealedAt")),
                line.getInt("recordCount"), line.getString("previousHash"), line.getString("sealHash"),
                format >= SealStatement.FORMAT ? entries : null, text(line, "signature"));
    }

    private static String text(JsonObject line, String name) {
        JsonValue value = line.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static List<JsonObject> lines(InputStream zip) throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder();
        long read = 0;
        int c;
        while ((c = reader.read()) != -1) {
            if (++read > MAX_ENTRY_BYTES) {
                throw new IOException("an archive entry is larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            if (c == '\n') {
                if (!line.isEmpty()) {
                    lines.add(json(line.toString()));
                }
                line.setLength(0);
            } else if (line.length() >= MAX_LINE) {
                throw new IOException("a line of the archive is longer than " + MAX_LINE + " characters");
            } else {
                line.append((char) c);
            }
        }
        if (!line.isEmpty()) {
            lines.add(json(line.toString()));
        }
        return lines;
    }

    private static byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_LINE + 1);
        if (bytes.length > MAX_LINE) {
            throw new IOException("an archive's manifest or certificate file is larger than " + MAX_LINE + " bytes");
        }
        return bytes;
    }

    private static JsonObject json(String text) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IOException("a line of the archive is not a JSON object", e);
        }
    }

    static List<X509Certificate> certificates(byte[] pem) throws IOException {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IOException("the signing chain is not PEM certificates", e);
        }
    }
}
