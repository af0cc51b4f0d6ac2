package se.lefi.interfaces.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.lefi.infrastructure.config.LefiProperties;

/**
 * The settings {@code bin/lefi} needs before a server runs (the database, the demo register's size, ...), as
 * MicroProfile Config gives them to the server: a system property, else the environment, else
 * {@code config/lefi.properties} (the folder {@code lefi.config.dir} names).
 */
@Command(name = "ConfigValue", mixinStandardHelpOptions = true,
        description = "Print the value of each KEY (an empty line where none is set), one per line.")
public final class ConfigValue implements Callable<Integer> {
    @Parameters(paramLabel = "KEY", arity = "1..*", description = "a MicroProfile Config key, e.g. lefi.database")
    List<String> keys;

    @Option(names = "--system-properties", paramLabel = "FILE",
            description = "write the keys that have a value to FILE (readable by its owner only) as Java properties instead")
    Path systemPropertiesFile;

    private final LefiProperties file;
    private final Properties systemProperties;
    private final Map<String, String> environment;
    private final PrintStream out;

    ConfigValue(LefiProperties file, Properties systemProperties, Map<String, String> environment, PrintStream out) {
        this.file = file;
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        ConfigValue command = new ConfigValue(new LefiProperties(), System.getProperties(), System.getenv(), System.out);
        System.exit(new CommandLine(command).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (systemPropertiesFile != null) {
            writeSystemProperties();
            return 0;
        }
        for (String key : keys) {
            String value = file.lookup(key, systemProperties, environment).orElse("");
            if (value.contains("\n") || value.contains("\r")) {
                // One line per key is what the caller reads; a line break would shift every later key.
                System.err.println(key + " holds a line break; bin/lefi reads one line per setting");
                return 2;
            }
            out.println(value);
        }
        return 0;
    }

    /**
     * Payara resolves the {@code ${MPCONFIG=...}} of its post-boot commands before the application, and so
     * this file's ConfigSource, is deployed: the settings those commands read are handed to it as system
     * properties, with the values the server itself would see. The file holds the database password.
     */
    private void writeSystemProperties() throws IOException {
        Properties values = new Properties();
        for (String key : keys) {
            file.lookup(key, systemProperties, environment).ifPresent(value -> values.setProperty(key, value));
        }
        Files.deleteIfExists(systemPropertiesFile);
        Files.createFile(systemPropertiesFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        // Latin-1 with escapes beyond it, the encoding in which Payara reads the file.
        try (OutputStream stream = Files.newOutputStream(systemPropertiesFile)) {
            values.store(stream, "written by bin/lefi for Payara's post-boot commands");
        }
    }
}
