package se.lefi.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.lefi.infrastructure.config.LefiProperties;

class ConfigValueTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) throws IOException {
        LefiProperties file = new LefiProperties(Files.writeString(dir.resolve("lefi.properties"),
                "lefi.database=h2\nlefi.database.name=lefi\nlefi.database.password=lefi\nlefi.demo.persons=1000\n"));
        ConfigValue command = new ConfigValue(file, new Properties(), environment, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    @Test
    void printsOneLinePerKeyInTheOrderAsked() throws IOException {
        assertEquals(0, run(Map.of("LEFI_DATABASE", "postgresql"), "lefi.database", "lefi.nothing", "lefi.demo.persons"));
        assertEquals("postgresql\n\n1000\n", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheSystemPropertiesFileForPayarasPostBootCommandsReadableByItsOwnerOnly() throws IOException {
        Path out = dir.resolve("system.properties");
        assertEquals(0, run(Map.of("LEFI_DATABASE_PASSWORD", "sécret"), "--system-properties", out.toString(),
                "lefi.database.name", "lefi.database.password", "lefi.database.port"));
        Properties written = new Properties();
        try (InputStream stream = Files.newInputStream(out)) {
            written.load(stream);
        }
        assertEquals(Map.of("lefi.database.name", "lefi", "lefi.database.password", "sécret"), written);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
}
