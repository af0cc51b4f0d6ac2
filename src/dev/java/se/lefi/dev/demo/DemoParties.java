package se.lefi.dev.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import se.lefi.domain.party.PartyKind;

/**
 * The demo files config/demo/parties.csv and config/demo/web-users.csv, read by both the dev PKI, which
 * issues their certificates, and the server, which registers them. Plain Java: the PKI runs outside the server.
 */
public final class DemoParties {
    private static final int FIELDS = 10;
    private static final int WEB_USER_FIELDS = 6;
    private static final int ACTOR_FIELDS = 5;
    public static final String WEB_USERS_FILE = "web-users.csv";
    public static final String ACTORS_FILE = "actors.csv";

    /** Where an organisation's agreement stands in the demo. */
    public enum AgreementState { UNREGISTERED, NONE, SENT, SIGNED, TERMINATED }

    /** One row; {@code ALL} lists are given as {@code null}. */
    public record Party(String alias, String organisationNumber, String name, PartyKind kind, AgreementState agreement,
                        List<String> interfaces, List<String> purposes, List<String> informationTypes,
                        boolean longPeriodsAllowed, String principalAlias, boolean assignmentCeased) {
    }

    /** A named user with an access-rights decision at the organisation of {@code organisationAlias}. */
    public record WebUser(String alias, String personId, String name, String organisationAlias, String decidedBy,
                          boolean deregistered) {
    }

    /** An actor registration (aktör) of the organisation of {@code organisationAlias}, for an agent with its principal's alias. */
    public record Actor(String actorId, String organisationAlias, String principalAlias, String purpose, boolean ended) {
    }

    private DemoParties() {
    }

    /** The actors file beside the parties file; none when it is absent. */
    public static List<Actor> readActors(Path partiesFile) {
        Path file = partiesFile.resolveSibling(ACTORS_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        return rows(file, ACTOR_FIELDS).stream()
                .map(f -> new Actor(f[0], f[1], f[2].isEmpty() ? null : f[2], f[3], "ENDED".equals(f[4])))
                .toList();
    }

    public static List<Party> read(Path file) {
        return rows(file, FIELDS).stream().map(DemoParties::party).toList();
    }

    /** The web users file beside the parties file; none when it is absent. */
    public static List<WebUser> readWebUsers(Path partiesFile) {
        Path file = partiesFile.resolveSibling(WEB_USERS_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        return rows(file, WEB_USER_FIELDS).stream()
                .map(f -> new WebUser(f[0], f[1], f[2], f[3], f[4], "DEREGISTERED".equals(f[5])))
                .toList();
    }

    private static List<String[]> rows(Path file, int fields) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> {
                        String[] f = line.split(";", -1);
                        if (f.length != fields) {
                            throw new IllegalArgumentException(file + ": expected " + fields + " ';'-separated fields: " + line);
                        }
                        return f;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + file, e);
        }
    }

    private static Party party(String[] f) {
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
