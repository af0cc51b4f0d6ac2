package se.lefi.infrastructure.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code config/lefi.properties} as a MicroProfile ConfigSource, ranked below the environment (300) and the
 * system properties (400), so that {@code LEFI_DATABASE=postgresql} or {@code -Dlefi.database=postgresql}
 * overrides the file as MicroProfile Config's rules say. The server registers it through
 * {@code META-INF/services}; {@link #lookup} gives the command-line tools, which run before any server
 * exists, the same order over the same file.
 */
public final class LefiProperties implements ConfigSource {
    /** Above the WAR's own {@code microprofile-config.properties} (100), below the environment (300). */
    public static final int ORDINAL = 250;
    public static final String CONFIG_DIR = "lefi.config.dir";
    public static final String DEFAULT_CONFIG_DIR = "config";

    private final Path file;
    private final Map<String, String> properties;

    /** The file in the folder {@code lefi.config.dir} names (a system property or the environment). */
    public LefiProperties() {
        this(configDir(System.getProperties(), System.getenv()).resolve("lefi.properties"));
    }

    public LefiProperties(Path file) {
        this.file = file;
        this.properties = Collections.unmodifiableMap(read(file));
    }

    private static Map<String, String> read(Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (NoSuchFileException e) {
            // A server without the file runs on the WAR's defaults, as it did before the file existed.
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        loaded.stringPropertyNames().forEach(key -> values.put(key, loaded.getProperty(key)));
        return values;
    }

    static Path configDir(Properties systemProperties, Map<String, String> environment) {
        return Path.of(firstOf(CONFIG_DIR, systemProperties, environment, Map.of()).orElse(DEFAULT_CONFIG_DIR));
    }

    /**
     * MicroProfile Config's answer for {@code key} from the three sources lefi's command line sees: system
     * properties, then the environment, then this file. An empty value counts as none, as MicroProfile Config
     * counts it, so {@code LEFI_DATABASE=} leaves the file's word.
     */
    public Optional<String> lookup(String key, Properties systemProperties, Map<String, String> environment) {
        return firstOf(key, systemProperties, environment, properties);
    }

    private static Optional<String> firstOf(String key, Properties systemProperties, Map<String, String> environment,
                                            Map<String, String> file) {
        return Stream.of(systemProperties.getProperty(key), fromEnvironment(key, environment), file.get(key))
                .filter(value -> value != null && !value.isEmpty())
                .findFirst();
    }

    /**
     * The environment's value under the three names MicroProfile Config tries, in its order: the key itself,
     * the key with each character other than a letter or digit made {@code _}, and that in upper case
     * ({@code lefi.database.user}: {@code LEFI_DATABASE_USER}).
     */
    static String fromEnvironment(String key, Map<String, String> environment) {
        String sanitised = key.replaceAll("[^A-Za-z0-9]", "_");
        for (String name : new String[] {key, sanitised, sanitised.toUpperCase(Locale.ROOT)}) {
            String value = environment.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "lefi.properties (" + file + ")";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
