package se.lefi.domain.access;

import java.util.regex.Pattern;

/**
 * The one rule for the identifiers a caller names in lefi's own contracts — a case id (ärendeidentitet),
 * a consent id, a correlation id — on every interface: SOAP (IdentifierType in lefi_online_core_1.0.xsd; a
 * unit test keeps the two equal), the REST twin, subscriptions, the web and LEFI v9's headers. The length
 * is checked first, then the characters. (SSBTEK's arendeidentitet is the agency's field: any non-empty
 * text, bounded to {@link #MAX_LENGTH}.)
 */
public final class Identifiers {
    public static final int MAX_LENGTH = 64;
    /** As the XSD pattern and Bean Validation write it. */
    public static final String PATTERN = "[A-Za-z0-9._:/\\-]+";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Identifiers() {
    }

    public static boolean isValid(String identifier) {
        return identifier != null && !identifier.isEmpty() && identifier.length() <= MAX_LENGTH && COMPILED.matcher(identifier).matches();
    }
}
