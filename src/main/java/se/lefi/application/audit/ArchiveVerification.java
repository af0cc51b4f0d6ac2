package se.lefi.application.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import se.lefi.domain.audit.ChainCheck;
import se.lefi.infrastructure.audit.AuditArchive;

/**
 * The offline check of an exported audit archive (bin/lefi audit verify): its chains by {@link ChainCheck},
 * and its signing certificate against the CA given. Needs no server and no database.
 */
public final class ArchiveVerification {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private ArchiveVerification() {
    }

    /** What a check found: the chains' findings, and what is wrong with the signing certificate. */
    public record Result(List<ChainCheck.Finding> findings, List<String> certificateProblems) {
        public boolean holds() {
            return findings.isEmpty() && certificateProblems.isEmpty();
        }
    }

    /**
     * Checks {@code archive}. With {@code ca} null the seals are checked against the archive's own signing
     * certificate, which shows the archive is whole as written but not who wrote it.
     */
    public static Result verify(Path archive, X509Certificate ca) throws IOException {
        AuditArchive.Contents contents = AuditArchive.read(archive);
        List<String> certificateProblems = new ArrayList<>();
        List<X509Certificate> chain = contents.signingChain();
        if (chain.isEmpty()) {
            certificateProblems.add("the archive holds no signing certificate");
            return new Result(AuditArchive.check(contents, null), certificateProblems);
        }
        if (ca != null) {
            certificateProblems.addAll(chainsTo(chain, ca));
        }
        return new Result(AuditArchive.check(contents, chain.get(0).getPublicKey()), certificateProblems);
    }

    /** Each certificate is signed by the next; the last is the CA or signed by it; the signing certificate may sign. */
    static List<String> chainsTo(List<X509Certificate> chain, X509Certificate ca) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i + 1 < chain.size(); i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException e) {
                problems.add("certificate " + chain.get(i).getSubjectX500Principal().getName() + " is not signed by the next in the chain");
            }
        }
        X509Certificate last = chain.get(chain.size() - 1);
        if (!last.equals(ca)) {
            try {
                last.verify(ca.getPublicKey());
            } catch (GeneralSecurityException e) {
                problems.add("the signing chain does not end at the CA given");
            }
        }
        for (int i = 1; i < chain.size(); i++) {
            if (chain.get(i).getBasicConstraints() < 0) {
                problems.add("certificate " + chain.get(i).getSubjectX500Principal().getName() + " signs the chain but is no CA");
            }
        }
        // The CA that issues the audit-signing certificate may also issue the organisations' client
        // certificates: only a certificate made for signing records (non-repudiation, and for no TLS
        // client or server) may sign the log, or any client could sign a forged archive.
        X509Certificate signing = chain.get(0);
        boolean[] usage = signing.getKeyUsage();
        if (usage == null || !usage[1]) {
            problems.add("the signing certificate is not an audit-signing certificate (key usage nonRepudiation)");
        }
        try {
            List<String> purposes = signing.getExtendedKeyUsage();
            if (purposes != null && (purposes.contains(CLIENT_AUTH) || purposes.contains(SERVER_AUTH))) {
                problems.add("the signing certificate is a TLS certificate, not an audit-signing certificate");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            problems.add("the signing certificate's extended key usage is unreadable");
        }
        return problems;
    }
}
