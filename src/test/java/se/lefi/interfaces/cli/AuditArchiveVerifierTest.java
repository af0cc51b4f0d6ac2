package se.lefi.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.lefi.application.audit.ArchiveVerification;
import se.lefi.domain.audit.AdminAction;
import se.lefi.domain.audit.AdminSeal;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.audit.AuditSeal;
import se.lefi.domain.audit.ChainCheck.Finding;
import se.lefi.domain.audit.ChainCheck.Kind;
import se.lefi.domain.audit.ChainSeal;
import se.lefi.domain.audit.Fields;
import se.lefi.domain.audit.SealSignature;
import se.lefi.domain.audit.SealStatement;
import se.lefi.infrastructure.audit.ArchiveEntries;
import se.lefi.infrastructure.audit.AuditArchive;
import se.lefi.dev.pki.DevPki;

/**
 * The offline verifier on archives written as the server writes them, signed with the dev PKI's audit-
 * signing key: untouched it holds; each way of tampering with the file gives exactly its finding.
 */
class AuditArchiveVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00.123Z");
    @TempDir
    static Path pki;
    private static X509Certificate ca;
    private static X509Certificate otherCa;
    private static List<X509Certificate> signingChain;
    private static ChainSeal.Signer signer;

    @BeforeAll
    static void devPki() throws Exception {
        DevPki.main(new String[] {pki.toString(), "config/demo/parties.csv"});
        ca = certificate(pki.resolve("ca.crt.pem"));
        otherCa = certificate(pki.resolve("untrusted-ca.crt.pem"));
        KeyStore store = keyStore("audit-signing");
        signingChain = chain(store, "audit-signing");
        signer = signer(store, "audit-signing");
    }

    private static KeyStore keyStore(String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(pki.resolve(alias + ".p12").toFile())) {
            store.load(in, DevPki.PASSWORD.toCharArray());
        }
        return store;
    }

    private static List<X509Certificate> chain(KeyStore store, String alias) throws Exception {
        return Arrays.stream(store.getCertificateChain(alias)).map(X509Certificate.class::cast).toList();
    }

    private static ChainSeal.Signer signer(KeyStore store, String alias) throws Exception {
        PrivateKey key = (PrivateKey) store.getKey(alias, DevPki.PASSWORD.toCharArray());
        return statement -> SealSignature.sign(key, statement);
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Fields.set(target, field, value);
    }

    private static AuditRecord record(long id) throws Exception {
        AuditRecord record = new AuditRecord("request-" + id, NOW.plusSeconds(id), "SYSTEM_TO_SYSTEM", "GetBenefitInformation")
                .caller("5569000010", "ab".repeat(32)).subject("198112189876", "COORDINATION_OF_COMPENSATION", "claim-" + id)
                .disclosed("SJP", null, NOW).outcome("GRANTED");
        set(record, "id", id);
        record.hashContent();
        return record;
    }

    private static AdminAction action(long id) throws Exception {
        AdminAction action = new AdminAction(NOW.plusSeconds(id), "2021009994", "cd".repeat(32), "SIGN", "5569000010",
                "SENT", "IN_FORCE", "ORGANISATION 2026-11-30", "DONE");
        set(action, "id", id);
        return action;
    }

    /** Two audit seals (records 1..3, 4..5) after seal 6 of an earlier stretch, and one admin seal (actions 50, 100). */
    private static Path archive(Path dir) throws Exception {
        return archive(dir, signer, signingChain);
    }

    private static Path archive(Path dir, ChainSeal.Signer signer, List<X509Certificate> signingChain) throws Exception {
        AuditSeal before = AuditSeal.after(null, List.of(record(0)), NOW, signer);
        set(before, "id", 6L);
        List<AuditRecord> first = List.of(record(1), record(2), record(3));
        AuditSeal one = AuditSeal.after(before, first, NOW, signer);
        first.forEach(r -> r.sealIn(one.id()));
        List<AuditRecord> second = List.of(record(4), record(5));
        AuditSeal two = AuditSeal.after(one, second, NOW.plusSeconds(5), signer);
        second.forEach(r -> r.sealIn(two.id()));
        List<AdminAction> actions = List.of(action(50), action(100));
        AdminSeal admin = AdminSeal.after(null, actions, NOW, signer);
        actions.forEach(a -> a.sealIn(admin.id()));

        Path file = dir.resolve("archive.zip");
        try (OutputStream out = Files.newOutputStream(file); AuditArchive.Writer writer = new AuditArchive.Writer(out)) {
            writer.chain(SealStatement.AUDIT, one.id(), one.previousHash());
            for (AuditSeal seal : List.of(one, two)) {
                writer.seal(seal);
                for (AuditRecord r : seal == one ? first : second) {
                    writer.record(r.id(), r.sealId(), r.recordHash(), r.hashedFields());
                }
            }
            writer.chain(SealStatement.ADMIN, admin.id(), admin.previousHash());
            writer.seal(admin);
            for (AdminAction a : actions) {
                writer.record(a.id(), a.sealId(), a.recordHash(), a.hashedFields());
            }
            writer.finish(NOW.minusSeconds(60), NOW.plusSeconds(60), NOW, signingChain, signer);
        }
        return file;
    }

    /** Rewrites one entry of the zip: its lines through {@code edit}. */
    private static Path tampered(Path archive, String entry, UnaryOperator<List<String>> edit) throws IOException {
        Map<String, String> entries = ArchiveEntries.read(archive);
        entries.put(entry, String.join("\n", edit.apply(new ArrayList<>(entries.get(entry).lines().toList()))) + "\n");
        return ArchiveEntries.write(entries, archive.resolveSibling("tampered-" + System.nanoTime() + ".zip"));
    }

    private static List<Finding> findings(Path archive) throws IOException {
        ArchiveVerification.Result result = ArchiveVerification.verify(archive, ca);
        assertEquals(List.of(), result.certificateProblems());
        return result.findings();
    }

    private static Finding audit(Kind kind, long subject, String message) {
        return new Finding(kind, SealStatement.AUDIT, subject, message);
    }

    /** The lines of audit.jsonl: 0 seal 7, 1..3 records 1..3, 4 seal 8, 5..6 records 4..5. */
    private static List<String> swap(List<String> lines, int a, int b) {
        String line = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, line);
        return lines;
    }

    @Test
    void anUntouchedArchiveHolds(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), findings(archive(dir)));
    }

    @Test
    void theCommandLineSaysSoAndExitsZero(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuditArchiveVerifier verifier = new AuditArchiveVerifier();
        set(verifier, "out", new PrintStream(printed, true, StandardCharsets.UTF_8));
        int status = new CommandLine(verifier).execute(archive(dir).toString(), "--ca", pki.resolve("ca.crt.pem").toString());
        assertEquals(0, status, printed.toString(StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("the archive verifies"));
    }

    @Test
    void aChangedRecordIsNamedAndTheCommandExitsOne(@TempDir Path dir) throws Exception {
        Path archive = tampered(archive(dir), "audit.jsonl", lines -> {
            lines.set(2, lines.get(2).replace("198112189876", "199001011234"));
            return lines;
        });
        assertEquals(List.of(audit(Kind.RECORD_CHANGED, 2, "audit record 2 was changed after it was written")), findings(archive));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuditArchiveVerifier verifier = new AuditArchiveVerifier();
        set(verifier, "out", new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(1, new CommandLine(verifier).execute(archive.toString(), "--ca", pki.resolve("ca.crt.pem").toString()));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("RECORD_CHANGED  audit record 2 was changed after it was written"));
    }

    @Test
    void aChangedRecordWithItsHashRewrittenIsNamed(@TempDir Path dir) throws Exception {
        AuditRecord changed = record(4);
        set(changed, "personId", "199001011234");
        changed.hashContent();
        Path archive = tampered(archive(dir), "audit.jsonl", lines -> {
            lines.set(5, lines.get(5).replace("198112189876", "199001011234")
                    .replaceAll("\"recordHash\":\"[0-9a-f]{64}\"", "\"recordHash\":\"" + changed.recordHash() + "\""));
            return lines;
        });
        assertEquals(List.of(audit(Kind.RECORD_CHANGED, 4, "audit record 4 is not what was sealed")), findings(archive));
    }

    @Test
    void aRemovedRecordIsNamed(@TempDir Path dir) throws Exception {
        Path archive = tampered(archive(dir), "audit.jsonl", lines -> {
            lines.remove(3);
            return lines;
        });
        assertEquals(List.of(audit(Kind.RECORD_REMOVED, 3, "audit record 3 was sealed in seal 7 and is missing")), findings(archive));
    }

    @Test
    void reorderedRecordsAreNamed(@TempDir Path dir) throws Exception {
        Path archive = tampered(archive(dir), "audit.jsonl", lines -> swap(lines, 1, 2));
        assertEquals(List.of(audit(Kind.RECORD_MOVED, 2, "audit record 2 is out of the sealed order"),
                audit(Kind.RECORD_MOVED, 1, "audit record 1 is out of the sealed order")), findings(archive));
    }

    @Test
    void anInsertedRecordIsNamed(@TempDir Path dir) throws Exception {
        Path archive = tampered(archive(dir), "audit.jsonl", lines -> {
            lines.add(6, lines.get(6).replace("\"id\":5,", "\"id\":6,").replace("claim-5", "claim-6"));
            return lines;
        });
        assertEquals(List.of(audit(Kind.RECORD_CHANGED, 6, "audit record 6 was changed after it was written")), findings(archive),
                "a copied line with another content keeps the copied hash");

        AuditRecord forged = record(6);
        forged.sealIn(8);
        Path inserted = tampered(archive(dir), "audit.jsonl", lines -> {
            lines.add(6, lines.get(6).replace("\"id\":5,", "\"id\":6,").replace("claim-5", "claim-6")
                    .replaceAll("\"recordHash\":\"[0-9a-f]{64}\"", "\"recordHash\":\"" + forged.recordHash() + "\"")
                    .replace("request-5", "request-6").replace(NOW.plusSeconds(5).toString(), NOW.plusSeconds(6).toString()));
            return lines;
        });
        assertEquals(List.of(audit(Kind.RECORD_INSERTED, 6, "audit record 6 names seal 8, which does not cover it")), findings(inserted));
    }

    @Test
    void aBrokenLinkIsNamedWithTheSealItBreaks(@TempDir Path dir) throws Exception {
        Path archive = tampered(archive(dir), "audit.jsonl", lines -> {
            lines.set(4, lines.get(4).replaceAll("\"previousHash\":\"[0-9a-f]{64}\"", "\"previousHash\":\"" + "1".repeat(64) + "\""));
            return lines;
        });
        assertEquals(List.of(audit(Kind.LINK_BROKEN, 8, "audit seal 8 does not follow the seal before it"),
                audit(Kind.SEAL_CHANGED, 8, "audit seal 8 no longer gives its hash: the seal was changed"),
                audit(Kind.SIGNATURE_INVALID, 8, "audit seal 8's signature does not verify")), findings(archive));
    }

    @Test
    void aRemovedSealIsNamed(@TempDir Path dir) throws Exception {
        Path archive = tampered(archive(dir), "audit.jsonl", lines -> new ArrayList<>(lines.subList(4, lines.size())));
        assertEquals(List.of(audit(Kind.SEAL_REMOVED, 7, "audit seal 7 is missing")), findings(archive));
    }

    @Test
    void aBadSignatureIsNamed(@TempDir Path dir) throws Exception {
        AuditSeal other = AuditSeal.after(null, List.of(record(1)), NOW, signer);
        Path archive = tampered(archive(dir), "audit.jsonl", lines -> {
            lines.set(0, lines.get(0).replaceAll("\"signature\":\"[^\"]+\"", "\"signature\":\"" + other.signature() + "\""));
            return lines;
        });
        assertEquals(List.of(audit(Kind.SIGNATURE_INVALID, 7, "audit seal 7's signature does not verify")), findings(archive));
    }

    @Test
    void aChangedAdminActionIsNamed(@TempDir Path dir) throws Exception {
        Path archive = tampered(archive(dir), "admin.jsonl", lines -> {
            lines.set(2, lines.get(2).replace("\"outcome\":\"DONE\"", "\"outcome\":\"NOT_REGISTERED\""));
            return lines;
        });
        assertEquals(List.of(new Finding(Kind.RECORD_CHANGED, SealStatement.ADMIN, 100, "admin record 100 was changed after it was written")),
                findings(archive));
    }

    @Test
    void aSigningCertificateFromAnotherCaIsRefused(@TempDir Path dir) throws Exception {
        ArchiveVerification.Result result = ArchiveVerification.verify(archive(dir), otherCa);
        assertEquals(List.of(), result.findings());
        assertEquals(List.of("the signing chain does not end at the CA given"), result.certificateProblems());
    }

    @Test
    void aSeverelyCutArchiveIsNamed(@TempDir Path dir) throws Exception {
        Path tail = tampered(archive(dir), "audit.jsonl", lines -> new ArrayList<>(lines.subList(0, 4)));
        assertEquals(List.of(audit(Kind.SEAL_REMOVED, 8, "audit seal 8 is missing")), findings(tail), "the last seal cut off");

        Map<String, String> entries = ArchiveEntries.read(archive(dir));
        entries.remove("admin.jsonl");
        Path noAdmin = ArchiveEntries.write(entries, dir.resolve("no-admin.zip"));
        assertEquals(List.of(new Finding(Kind.SEAL_REMOVED, SealStatement.ADMIN, 0, "the archive has no admin chain")), findings(noAdmin));
    }

    @Test
    void aChangedManifestIsNamed(@TempDir Path dir) throws Exception {
        Path archive = tampered(archive(dir), "manifest.json", lines -> List.of(lines.get(0).replace("\"lastSeal\":8", "\"lastSeal\":9")));
        assertEquals(List.of(new Finding(Kind.SIGNATURE_INVALID, AuditArchive.ARCHIVE, 0, "the manifest's signature does not verify"),
                audit(Kind.SEAL_REMOVED, 9, "audit seal 9 is missing")), findings(archive));
    }

    @Test
    void anArchiveSignedWithAClientCertificateIsRefused(@TempDir Path dir) throws Exception {
        KeyStore insurer = keyStore("insurer");
        ArchiveVerification.Result result = ArchiveVerification.verify(archive(dir, signer(insurer, "insurer"), chain(insurer, "insurer")), ca);
        assertEquals(List.of(), result.findings(), "whole as written");
        assertEquals(List.of("the signing certificate is not an audit-signing certificate (key usage nonRepudiation)",
                "the signing certificate is a TLS certificate, not an audit-signing certificate"), result.certificateProblems());
    }

    @Test
    void aFileThatIsNoArchiveExitsTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not.zip"), "not a zip");
        assertEquals(2, new CommandLine(new AuditArchiveVerifier()).execute(file.toString()));
    }
}
