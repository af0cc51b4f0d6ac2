package se.lefi.domain.access;

/** Why a question is asked; each needs a legal basis for the caller's kind of party. */
public enum Purpose {
    /** Samordning av ersättning. */
    COORDINATION_OF_COMPENSATION,
    /** Riskbedömning. */
    RISK_ASSESSMENT,
    /** Pensionsprognos. */
    PENSION_FORECAST,
    /** Skadereglering. */
    CLAIM_MANAGEMENT,
    /** An authority's case work, förordning (1980:995). */
    CASE_WORK,
    /** Social services, förordning (2008:975). */
    SOCIAL_SERVICES,
    /** Kommunalt vårdnadsbidrag, förordning (2009:555). */
    MUNICIPAL_CHILDCARE_ALLOWANCE
}
