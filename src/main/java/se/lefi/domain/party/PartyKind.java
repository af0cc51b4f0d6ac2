package se.lefi.domain.party;

/** The kinds of connecting organisation; each kind has its own legal bases. */
public enum PartyKind {
    /** Försäkringsbolag. */
    INSURER,
    /** Försäkringsförmedlare. */
    INSURANCE_AGENT,
    /** Statlig eller kommunal myndighet. */
    AUTHORITY,
    /** Ombud: a personal-data processor acting for an authority under an assignment. */
    AGENT,
    /** The agency itself; its certificates administer the service. */
    AGENCY
}
