package se.lefi.interfaces.v9;

import java.util.EnumMap;
import java.util.Map;
import se.lefi.domain.shared.RefusalCode;

/**
 * LefiFelsvar's {@code meddelande} is, by the v9 contract, a description in Swedish for operators that
 * holds no personal or organisation numbers: one fixed text per refusal code.
 */
public final class SwedishMessages {
    private static final Map<RefusalCode, String> TEXTS = new EnumMap<>(RefusalCode.class);

    static {
        TEXTS.put(RefusalCode.INVALID_REQUEST, "Frågan följer inte kontraktet.");
        TEXTS.put(RefusalCode.INVALID_PERSON_ID, "Personnumret är inte ett giltigt person- eller samordningsnummer.");
        TEXTS.put(RefusalCode.INVALID_ORGANISATION_NUMBER, "Organisationsnumret är inte giltigt.");
        TEXTS.put(RefusalCode.INVALID_PERIOD, "Perioden börjar efter att den slutar.");
        TEXTS.put(RefusalCode.PERIOD_TOO_LONG, "Perioden är längre än två år och avtalet medger inte det.");
        TEXTS.put(RefusalCode.NO_INFORMATION_TYPE, "Ingen förmånsgrupp eller typ av övrig information efterfrågades.");
        TEXTS.put(RefusalCode.NO_CLIENT_CERTIFICATE, "Inget klientcertifikat presenterades.");
        TEXTS.put(RefusalCode.UNKNOWN_CERTIFICATE, "Klientcertifikatet identifierar ingen ansluten organisation.");
        TEXTS.put(RefusalCode.CERTIFICATE_REVOKED, "Klientcertifikatet är spärrat av sin utfärdare.");
        TEXTS.put(RefusalCode.CERTIFICATE_STATUS_UNKNOWN, "Om klientcertifikatet är spärrat går inte att kontrollera nu, och tjänsten avvisar okontrollerade certifikat.");
        TEXTS.put(RefusalCode.NOT_CONNECTED, "Organisationen är inte ansluten till tjänsten.");
        TEXTS.put(RefusalCode.AGREEMENT_NOT_SIGNED, "Avtalet är inte undertecknat av båda parter.");
        TEXTS.put(RefusalCode.AGREEMENT_TERMINATED, "Avtalet är uppsagt.");
        TEXTS.put(RefusalCode.INTERFACE_NOT_COVERED, "Avtalet omfattar inte detta gränssnitt.");
        TEXTS.put(RefusalCode.PURPOSE_NOT_IN_AGREEMENT, "Aktörens syfte omfattas inte av avtalet.");
        TEXTS.put(RefusalCode.NO_LEGAL_BASIS, "Det finns inget rättsligt stöd för aktörens syfte för denna typ av organisation.");
        TEXTS.put(RefusalCode.CONSENT_MISSING, "Syftet kräver den enskildes samtycke; ange det i rubrikerna Lefi-Samtycke-Id och Lefi-Samtycke-Datum.");
        TEXTS.put(RefusalCode.CONSENT_INVALID, "Samtycket är inte giltigt den dag frågan ställs.");
        TEXTS.put(RefusalCode.CONSENT_WITHDRAWN, "Den enskilde har återkallat samtycket.");
        TEXTS.put(RefusalCode.CASE_MISSING, "En myndighet måste ange sitt öppna ärende om personen; ange det i rubriken Lefi-Arendeidentitet.");
        TEXTS.put(RefusalCode.PRINCIPAL_MISSING, "Ett ombud måste ange sin huvudman.");
        TEXTS.put(RefusalCode.PRINCIPAL_NOT_ALLOWED, "Endast ett ombud får fråga för en huvudman.");
        TEXTS.put(RefusalCode.NO_LIVE_ASSIGNMENT, "Ombudet har inget gällande uppdrag från huvudmannen.");
        TEXTS.put(RefusalCode.USER_NOT_AUTHORISED, "Användaren saknar gällande behörighetsbeslut.");
        TEXTS.put(RefusalCode.USER_DEREGISTERED, "Användaren är avregistrerad.");
        TEXTS.put(RefusalCode.NOT_SUBSCRIBED, "Organisationen har ingen gällande prenumeration på personen.");
        TEXTS.put(RefusalCode.TOO_MANY_REQUESTS, "Organisationen har så många frågor pågående som den får ha; försök igen strax.");
        TEXTS.put(RefusalCode.OUTSIDE_SERVICE_HOURS, "Tjänsten är stängd just nu.");
        TEXTS.put(RefusalCode.SERVICE_UNAVAILABLE, "Frågan kunde inte besvaras; inget lämnades ut.");
        TEXTS.put(RefusalCode.UNKNOWN_ACTOR, "Ingen aktör för klientcertifikatets organisation är registrerad med det id:t.");
        TEXTS.put(RefusalCode.ACTOR_ENDED, "Aktörens registrering har upphört.");
        TEXTS.put(RefusalCode.SUBMITTER_MISMATCH, "Ingivaren är varken certifikatets organisation eller huvudman för ombudet som presenterar det.");
        TEXTS.put(RefusalCode.QUESTION_NOT_IN_CASE, "Frågans person eller period hör inte till ärendet.");
        TEXTS.put(RefusalCode.UNSUPPORTED_VERSION, "Frågan anger en version av LEFI Förmånsinformation som tjänsten inte har (endast v9).");
    }

    private SwedishMessages() {
    }

    public static String of(RefusalCode code) {
        return TEXTS.get(code);
    }

    /** Every code has its text; a unit test checks it, so a new code cannot leave v9 callers with English. */
    static boolean coversEveryCode() {
        return TEXTS.size() == RefusalCode.values().length;
    }
}
