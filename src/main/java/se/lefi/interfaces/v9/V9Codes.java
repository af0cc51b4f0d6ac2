package se.lefi.interfaces.v9;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import se.lefi.domain.register.InformationType;

/**
 * The code lists of LEFI Förmånsinformation v9 and their Swedish descriptions (beskrivning).
 *
 * <p>The contract's yaml gives a description only in its examples (FK:ABB, FK:FP, FK:SJP, FK:YL, PM:AP,
 * FK:GEPI, PM:PU; PM:EF is misspelt there as "Efterlavandeförmåner", corrected here); the others are the
 * agency's usual names for the benefit groups (FK's are {@link InformationType#swedishName()}). Where a code's meaning is not evident, the choice follows
 * the case list of LefiFormansinformation that the code is the only candidate for (see {@link V9Decisions}).
 */
public final class V9Codes {

    /** LefiFkFormanGruppKod: Försäkringskassan's 27 benefit groups, in the schema's order. */
    public static final Map<String, String> FK_BENEFITS;
    /** LefiPmFormanGruppKod: Pensionsmyndigheten's benefit groups (ansprak, beslut). */
    public static final Map<String, String> PM_BENEFITS;
    /** LefiExternOvrigInformationTypKod: other information types of both agencies. */
    public static final Map<String, String> OTHER_INFORMATION;
    /** LefiExternFormanGruppKod: the codes of the payment classes (FK and PM benefit groups). */
    public static final Set<String> EXTERN_BENEFITS;
    /** FK other-information types that lefi's register does not hold. */
    public static final Set<String> NOT_PROVIDED_OTHER_INFORMATION = Set.of("FK:PANV", "FK:SKUP", "FK:STAV");

    static {
        Map<String, String> fk = new LinkedHashMap<>();
        for (InformationType type : InformationType.values()) { // the enum keeps the schema's order
            if (type.isBenefit()) {
                fk.put(code(type), type.swedishName());
            }
        }
        FK_BENEFITS = Collections.unmodifiableMap(fk);

        Map<String, String> pm = new LinkedHashMap<>();
        pm.put("PM:AP", "Allmän pension");                       // yaml example
        pm.put("PM:BTI", "Bostads- och inkomststöd");
        pm.put("PM:EF", "Efterlevandeförmåner");                 // yaml example (corrected spelling)
        PM_BENEFITS = Collections.unmodifiableMap(pm);

        Map<String, String> other = new LinkedHashMap<>();
        other.put(code(InformationType.GEPI), InformationType.GEPI.swedishName()); // yaml example
        other.put("FK:PANV", "Programanvisning");                // FK's programanvisning list
        other.put(code(InformationType.SGI), InformationType.SGI.swedishName());
        other.put("FK:SKUP", "Skatteuppgift");                   // FK's skatteuppgift list
        other.put("FK:STAV", "Studiemedelsavisering");           // FK's studiemedelsavisering list
        other.put("PM:LINT", "Levnadsintyg");
        other.put("PM:PBH", "Pensionsbehållning");
        other.put("PM:PU", "Pensionsunderlag");                  // yaml example
        OTHER_INFORMATION = Collections.unmodifiableMap(other);

        Set<String> extern = new LinkedHashSet<>(FK_BENEFITS.keySet());
        extern.addAll(PM_BENEFITS.keySet());
        EXTERN_BENEFITS = Collections.unmodifiableSet(extern);
    }

    private V9Codes() {
    }

    /** The Swedish description of any v9 benefit-group or other-information code, or null if unknown. */
    public static String description(String code) {
        String d = FK_BENEFITS.get(code);
        if (d == null) {
            d = PM_BENEFITS.get(code);
        }
        return d != null ? d : OTHER_INFORMATION.get(code);
    }

    /** The FK code of a register type: SJP -> "FK:SJP". */
    public static String code(InformationType type) {
        return "FK:" + type.name();
    }

    static boolean isFk(String code) {
        return code.startsWith("FK:");
    }

    static boolean isPm(String code) {
        return code.startsWith("PM:");
    }

    /** The register's benefit type of an FK benefit code, or null (PM codes, unknown codes). */
    static InformationType heldBenefit(String code) {
        return FK_BENEFITS.containsKey(code) ? InformationType.valueOf(code.substring(3)) : null;
    }

    /** SGI or GEPI for FK:SGI / FK:GEPI, else null. */
    static InformationType heldOtherInformation(String code) {
        return switch (code) {
            case "FK:SGI" -> InformationType.SGI;
            case "FK:GEPI" -> InformationType.GEPI;
            default -> null;
        };
    }
}
