package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;

import java.io.IOException;
import java.io.Reader;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.lefi.domain.config.ConfigLines;
import se.lefi.domain.party.PartyKind;

/**
 * Party kind × purpose → legal basis. The catalogue is configuration (config/legal-bases.csv), so
 * a change in the law is an edit there, not a release.
 */
public final class LegalBasisCatalogue {
    private final Map<PartyKind, Map<Purpose, LegalBasis>> bases;

    private LegalBasisCatalogue(Map<PartyKind, Map<Purpose, LegalBasis>> bases) {
        this.bases = bases;
    }

    /** Reads lines {@code partyKind|purpose|citation|condition}; '#' starts a comment line. */
    public static LegalBasisCatalogue parse(Reader source) throws IOException {
        Map<PartyKind, Map<Purpose, LegalBasis>> bases = new EnumMap<>(PartyKind.class);
        for (ConfigLines.Line line : ConfigLines.read(source)) {
            int lineNumber = line.number();
            String[] fields = line.text().split("\\|");
            if (fields.length != 4) {
                throw new IllegalArgumentException("legal-basis catalogue line " + lineNumber + ": expected 4 fields separated by |");
            }
            LegalBasis basis = parseLine(fields, lineNumber);
            if (bases.computeIfAbsent(basis.partyKind(), k -> new EnumMap<>(Purpose.class)).put(basis.purpose(), basis) != null) {
                throw new IllegalArgumentException("legal-basis catalogue line " + lineNumber + ": duplicate " + fields[0] + "/" + fields[1]);
            }
        }
        return new LegalBasisCatalogue(bases);
    }

    private static LegalBasis parseLine(String[] fields, int lineNumber) {
        try {
            return new LegalBasis(PartyKind.valueOf(fields[0].strip()), Purpose.valueOf(fields[1].strip()),
                    fields[2].strip(), ExtraCondition.valueOf(fields[3].strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("legal-basis catalogue line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    public Optional<LegalBasis> basisFor(PartyKind kind, Purpose purpose) {
        return Optional.ofNullable(bases.getOrDefault(kind, Map.of()).get(purpose));
    }

    /** The bases open to a kind of party, in purpose order. */
    public List<LegalBasis> basesFor(PartyKind kind) {
        return List.copyOf(bases.getOrDefault(kind, Collections.emptyMap()).values());
    }
}
