package se.lefi.interfaces.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.lefi.domain.audit.ChainCheck;
import se.lefi.application.audit.ArchiveVerification;

/**
 * {@code bin/lefi audit verify FILE [--ca CA.pem]}: checks an exported audit archive with no server and no
 * database. It names every changed, removed, moved or inserted record, every missing seal, every broken
 * link and every bad or missing signature, and checks the signing certificate against the CA given. Exit
 * status: 0 when everything holds, 1 when anything is wrong, 2 when the file is not an archive.
 */
@Command(name = "bin/lefi audit verify", mixinStandardHelpOptions = true,
        description = "Check an exported lefi audit archive offline: every record, seal, link and signature.")
public final class AuditArchiveVerifier implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the archive (bin/lefi audit export)")
    Path archive;

    @Option(names = "--ca", paramLabel = "CA.pem", description = "the CA certificate the signing certificate must chain to")
    Path ca;

    private PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AuditArchiveVerifier()).execute(args));
    }

    @Override
    public Integer call() {
        ArchiveVerification.Result result;
        try {
            X509Certificate trusted = ca == null ? null : (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(ca));
            result = ArchiveVerification.verify(archive, trusted);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            out.println("not a readable audit archive: " + e.getMessage());
            return 2;
        }
        if (ca == null) {
            out.println("warning: without --ca the signatures are checked against the archive's own certificate:"
                    + " the archive is whole as written, but who wrote it is not checked");
        }
        for (ChainCheck.Finding finding : result.findings()) {
            out.println(finding.kind() + "  " + finding.message());
        }
        for (String problem : result.certificateProblems()) {
            out.println("CERTIFICATE  " + problem);
        }
        out.println(result.holds() ? "the archive verifies: every record, seal, link and signature holds"
                : (result.findings().size() + result.certificateProblems().size()) + " problem(s)");
        return result.holds() ? 0 : 1;
    }
}
