package se.lefi.infrastructure.config;

import se.lefi.domain.time.SwedishTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.domain.access.LegalBasisCatalogue;

/** Settings and catalogues that live in the config/ folder, outside the WAR. */
@ApplicationScoped
public class LefiConfiguration {
    public static final ZoneId SWEDEN = SwedishTime.ZONE;

    @Inject
    @ConfigProperty(name = "lefi.config.dir", defaultValue = "config")
    String configDir;

    @Inject
    @ConfigProperty(name = "lefi.service.version", defaultValue = "1.0")
    String serviceVersion;

    private volatile LegalBasisCatalogue legalBases;

    public Path configDir() {
        return Path.of(configDir);
    }

    /** A file named in the configuration: as given when absolute, else in the project folder (config/'s parent). */
    public Path projectFile(String name) {
        Path path = Path.of(name);
        return path.isAbsolute() ? path : configDir().toAbsolutePath().getParent().resolve(path);
    }

    public String serviceVersion() {
        return serviceVersion;
    }

    /** Dates of questions, agreements and terminations are Swedish calendar days. */
    public Clock clock() {
        return SwedishTime.clock();
    }

    public LegalBasisCatalogue legalBases() {
        LegalBasisCatalogue catalogue = legalBases;
        if (catalogue == null) {
            try (Reader reader = Files.newBufferedReader(configDir().resolve("legal-bases.csv"), StandardCharsets.UTF_8)) {
                catalogue = LegalBasisCatalogue.parse(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the legal-basis catalogue in " + configDir(), e);
            }
            legalBases = catalogue;
        }
        return catalogue;
    }
}
