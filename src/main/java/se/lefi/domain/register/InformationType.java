package se.lefi.domain.register;

/**
 * The register's information types: benefit codes, plus SGI and general person information. Each has the
 * agency's Swedish name (benämning), as the v9 contract and the individual's letters use it.
 */
public enum InformationType {
    ABB("Barnbidrag"),
    AP("Allmän pension"),
    AS("Aktivitetsstöd"),
    BOB("Bostadsbidrag"),
    BST("Bostadstillägg"),
    BTI("Bostads- och inkomststöd"),
    DPE("Dagpenning till totalförsvarspliktiga"),
    EJO("Etableringsersättning"),
    ET("Efterlevandepension"),
    FP("Föräldrapenning"),
    FSJP("Förebyggande sjukpenning"),
    GP("Graviditetspenning"),
    HE("Handikappersättning"),
    MABB("Mottagare av barnbidrag"),
    MEK("Merkostnadsersättning"),
    NP("Närståendepenning"),
    OMV("Omvårdnadsbidrag"),
    PJOB("Jobb- och utvecklingsgarantin"),
    PROG("Arbetsmarknadspolitiskt program"),
    RBE("Rehabiliteringsersättning"),
    SA("Sjukersättning och aktivitetsersättning"),
    SBP("Smittbärarpenning"),
    SJP("Sjukpenning"),
    TFP("Tillfällig föräldrapenning"),
    US("Underhållsstöd"),
    VB("Vårdbidrag"),
    YL("Yrkesskadelivränta"),
    SGI("Sjukpenninggrundande inkomst"),
    GEPI("Generell personinformation");

    private final String swedishName;

    InformationType(String swedishName) {
        this.swedishName = swedishName;
    }

    public String swedishName() {
        return swedishName;
    }

    public boolean isBenefit() {
        return this != SGI && this != GEPI;
    }
}
