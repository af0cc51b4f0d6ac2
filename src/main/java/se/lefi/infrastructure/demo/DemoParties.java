package se.lefi.infrastructure.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import se.lefi.domain.party.PartyKind;

/**
 * The demo parties file (config/demo/parties.csv), read by both the dev PKI, which issues their
 * certificates, and the server, which registers them. Plain Java: the PKI runs outside the server.
 */
public final class DemoParties {
    private static final int FIELDS = 10;

    /** Where an organisation's agreement stands in the demo. */
    public enum AgreementState { UNREGISTERED, NONE, SENT, SIGNED, TERMINATED }

    /** One row; {@code ALL} lists are given as {@code null}. */
    public record Party(String alias, String organisationNumber, String name, PartyKind kind, AgreementState agreement,
                        List<String> interfaces, List<String> purposes, List<String> informationTypes,
                        boolean longPeriodsAllowed, String principalAlias, boolean assignmentCeased) {
    }

    private DemoParties() {
    }

    public static List<Party> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> parse(file, line))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo parties " + file, e);
        }
    }

    private static Party parse(Path file, String line) {
        String[] f = line.split(";", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException(file + ": expected " + FIELDS + " ';'-separated fields: " + line);
        }
        String[] principal = f[9].split(":", 2);
        return new Party(f[0], f[1], f[2], PartyKind.valueOf(f[3]), AgreementState.valueOf(f[4]),
                list(f[5]), list(f[6]), list(f[7]), "yes".equals(f[8]),
                principal[0].isEmpty() ? null : principal[0], principal.length == 2 && "ceased".equals(principal[1]));
    }

    private static List<String> list(String field) {
        if ("*".equals(field)) {
            return null;
        }
        return field.isEmpty() ? List.of() : Arrays.asList(field.split("\\+"));
    }
}
