package se.lefi.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LefiPropertiesTest {
    @TempDir
    Path dir;

    private LefiProperties file(String text) throws IOException {
        return new LefiProperties(Files.writeString(dir.resolve("lefi.properties"), text));
    }

    private static Properties systemProperties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    @Test
    void systemPropertiesOverrideTheEnvironmentWhichOverridesTheFile() throws IOException {
        LefiProperties file = file("lefi.database=h2\nlefi.database.user=lefi\nlefi.demo.persons=1000\n");
        Map<String, String> environment = Map.of("LEFI_DATABASE", "postgresql", "LEFI_DATABASE_USER", "postgres");
        Properties system = systemProperties("lefi.database.user", "tester");

        assertEquals(Optional.of("postgresql"), file.lookup("lefi.database", system, environment));
        assertEquals(Optional.of("tester"), file.lookup("lefi.database.user", system, environment));
        assertEquals(Optional.of("1000"), file.lookup("lefi.demo.persons", system, environment));
        assertEquals(Optional.empty(), file.lookup("lefi.nothing", system, environment));
    }

    @Test
    void theEnvironmentIsAskedUnderMicroProfileConfigsThreeNamesInItsOrder() {
        assertEquals("exact", LefiProperties.fromEnvironment("lefi.database.h2.file",
                Map.of("lefi.database.h2.file", "exact", "lefi_database_h2_file", "sanitised", "LEFI_DATABASE_H2_FILE", "upper")));
        assertEquals("sanitised", LefiProperties.fromEnvironment("lefi.database.h2.file",
                Map.of("lefi_database_h2_file", "sanitised", "LEFI_DATABASE_H2_FILE", "upper")));
        assertEquals("upper", LefiProperties.fromEnvironment("lefi.database.h2.file", Map.of("LEFI_DATABASE_H2_FILE", "upper")));
    }

    @Test
    void anEmptyValueCountsAsNone() throws IOException {
        LefiProperties file = file("lefi.database=h2\n");
        assertEquals(Optional.of("h2"), file.lookup("lefi.database", systemProperties("lefi.database", ""), Map.of("LEFI_DATABASE", "")));
    }

    @Test
    void asAConfigSourceItRanksBelowTheEnvironmentAndAboveTheWarsDefaults() throws IOException {
        LefiProperties file = file("lefi.service.version=1.0\n");
        assertTrue(file.getOrdinal() < 300 && file.getOrdinal() > 100);
        assertEquals("1.0", file.getValue("lefi.service.version"));
        assertEquals(Map.of("lefi.service.version", "1.0"), file.getProperties());
    }

    @Test
    void theFolderComesFromLefiConfigDirAndAMissingFileIsEmpty() {
        assertEquals(Path.of("elsewhere"), LefiProperties.configDir(systemProperties("lefi.config.dir", "elsewhere"), Map.of()));
        assertEquals(Path.of("env"), LefiProperties.configDir(new Properties(), Map.of("LEFI_CONFIG_DIR", "env")));
        assertEquals(Path.of("config"), LefiProperties.configDir(new Properties(), Map.of()));
        assertTrue(new LefiProperties(dir.resolve("absent.properties")).getProperties().isEmpty());
    }
}
