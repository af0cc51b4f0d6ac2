package se.lefi.domain.register;

/** The register's information types: benefit codes, plus SGI and general person information. */
public enum InformationType {
    ABB, AP, AS, BOB, BST, BTI, DPE, EJO, ET, FP, FSJP, GP, HE, MABB, MEK, NP, OMV, PJOB, PROG, RBE, SA, SBP,
    SJP, TFP, US, VB, YL,
    /** Sjukpenninggrundande inkomst. */
    SGI,
    /** General person information. */
    GEPI;

    public boolean isBenefit() {
        return this != SGI && this != GEPI;
    }
}
