package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server runs on the database this run is for (embedded H2, or PostgreSQL with -Ppostgresql), and
 * every migration under src/main/resources/db/migration was applied there by Flyway, in order, with
 * nothing pending or failed: the whole suite then works on a schema the migrations alone made.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchemaMigrationIT {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__(.+)\\.sql");

    @Test
    void everyMigrationIsAppliedOnTheDatabaseOfThisRun() throws Exception {
        JsonObject status = AdminApi.send("GET", "/database", null, 200);

        String expected = System.getProperty("lefi.test.database", "h2");
        assertEquals(expected.equals("postgresql") ? "PostgreSQL" : "H2", status.getString("product"), status.toString());

        Map<String, String> files;
        try (Stream<Path> scripts = Files.list(LefiServer.projectDir().resolve("src/main/resources/db/migration"))) {
            files = scripts.map(p -> MIGRATION.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .collect(Collectors.toMap(m -> m.group(1), m -> m.group(0)));
        }
        List<JsonObject> migrations = status.getJsonArray("migrations").getValuesAs(JsonObject.class);
        assertEquals(files.size(), migrations.size(), status.toString());
        for (JsonObject migration : migrations) {
            String version = migration.getString("version");
            assertEquals(files.get(version), migration.getString("script"), "migration " + version);
            assertEquals("SUCCESS", migration.getString("state"), "migration " + version);
        }
        String newest = files.keySet().stream().max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).orElseThrow();
        assertEquals(newest, status.getString("schemaVersion"));
    }
}
