package se.lefi.interfaces.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bin/lefi register}: the register's change feed on a running server, through the admin API. */
// Inherited: every operation answers --help with its arguments and the codes they take.
@Command(name = "bin/lefi register", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, subcommands = CommandLine.HelpCommand.class,
        description = "The register's change feed, on a running server (as bin/lefi admin: LEFI_URL, LEFI_ADMIN_CERT).")
public final class RegisterClient implements Runnable {
    @Mixin
    AdminConnection server;

    public static void main(String[] args) {
        System.exit(AdminClient.commandLine(new RegisterClient()).execute(args));
    }

    /** Without an operation: the list of operations. */
    @Override
    public void run() {
        server.printUsage();
    }

    @Command(name = "apply", description = {"apply a change file: one JSON object per line, each the new version of one decision,",
            "payment or SGI, e.g. {\"payment\": {\"paymentId\": \"P1\", \"personId\": \"193001010002\", \"benefit\": \"SJP\", ...}}.",
            "Changes are applied in order, 1000 per transaction; a refused line stops the file there and is reported with its code"})
    void apply(@Parameters(paramLabel = "FILE") Path file) throws Exception {
        server.sendFile("/register/changes", "application/x-ndjson", file);
    }

    @Command(name = "generate", description = "print a synthetic change file over the demo register's persons FIRST..FIRST+PERSONS-1 (default: all of them)")
    void generate(@Mixin Synthetic synthetic) throws Exception {
        server.get("/register/synthetic-changes" + synthetic.query());
    }

    @Command(name = "synthetic", description = "generate and apply in one go")
    void synthetic(@Mixin Synthetic synthetic) throws Exception {
        server.send("POST", "/register/synthetic-changes" + synthetic.query(), null);
    }

    /** COUNT [SEED] [FIRST PERSONS]: the query parameters of the synthetic stream. */
    static final class Synthetic {
        @Parameters(index = "0", paramLabel = "COUNT")
        long count;

        @Parameters(index = "1", paramLabel = "SEED", arity = "0..1", defaultValue = "1")
        long seed;

        @Parameters(index = "2", paramLabel = "FIRST", arity = "0..1")
        Long first;

        @Parameters(index = "3", paramLabel = "PERSONS", arity = "0..1")
        Long persons;

        String query() {
            String query = "?count=" + count + "&seed=" + seed;
            return first != null && persons != null ? query + "&first=" + first + "&persons=" + persons : query;
        }
    }
}
