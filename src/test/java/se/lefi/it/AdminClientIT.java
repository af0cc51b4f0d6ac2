package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import se.lefi.interfaces.cli.AdminClient;
import se.lefi.interfaces.cli.RegisterClient;

/** bin/lefi admin and bin/lefi register, run in this process against the test server: output and exit codes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminClientIT {

    /** What one run printed and how it ended. */
    record Run(int exit, String out, String err) {
    }

    private static Run run(String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--url", LefiServer.uri("").toString(), "--pki", LefiServer.pki().toString()));
        all.addAll(List.of(args));
        CommandLine line = AdminClient.commandLine("admin".equals(command) ? new AdminClient() : new RegisterClient());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anAnswerIsPrintedAsTheServerSentIt() throws Exception {
        Run run = run("admin", "actor", "026-51");
        HttpResponse<String> direct = AdminApi.get("admin", "/actors/026-51");
        assertEquals(new Run(0, direct.body() + "\n", ""), run);
    }

    @Test
    void aRequestIsWrittenFromTheApisOwnTypes() {
        Run registered = run("admin", "register-actor", "CLI-1", "5569000010", "COORDINATION_OF_COMPENSATION");
        assertEquals(0, registered.exit(), registered.err());
        JsonObject actor = LefiServer.json(registered.out());
        assertEquals("CLI-1", actor.getString("actorId"));
        assertEquals("5569000010", actor.getString("organisationNumber"));
        assertEquals("COORDINATION_OF_COMPENSATION", actor.getString("purpose"));
        assertEquals("", registered.err());
    }

    @Test
    void aRefusalPrintsTheApisCodeAndMessageAndExitsOne() {
        Run run = run("admin", "register-actor", "026-51", "2120002411", "SOCIAL_SERVICES");
        JsonObject problem = LefiServer.json(run.out());
        assertEquals("ACTOR_ALREADY_REGISTERED", problem.getString("code"));
        assertEquals(new Run(1, run.out(), "[lefi] the server answered 409 ACTOR_ALREADY_REGISTERED: " + problem.getString("detail") + "\n"),
                run);
    }

    @Test
    void aCodeTheApiDoesNotKnowIsAMistakeInTheCommandLine() {
        Run run = run("admin", "sign", "5569000010", "NOBODY");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().contains("expected one of [ORGANISATION, AGENCY]"), run.err());
    }

    @Test
    void helpListsEveryOperation() {
        Run run = run("admin", "--help");
        assertEquals(0, run.exit());
        for (String operation : List.of("register", "send-agreement", "register-actor", "web-user", "invoice", "maintenance",
                "disclosure-report", "actions-csv")) {
            assertTrue(run.out().contains("  " + operation + " "), operation + " in " + run.out());
        }
    }

    @Test
    void theRegisterClientGeneratesASyntheticChangeFile() {
        Run run = run("register", "generate", "3", "7", "0", "10");
        assertEquals(0, run.exit(), run.err());
        assertEquals(3, run.out().lines().count(), run.out());
        run.out().lines().forEach(line -> assertTrue(line.startsWith("{"), line));
    }
}
