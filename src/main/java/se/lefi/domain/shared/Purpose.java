package se.lefi.domain.shared;

/** Why a question is asked; each needs a legal basis for the caller's kind of party. */
public enum Purpose {
    COORDINATION_OF_COMPENSATION("Samordning av ersättning"),
    RISK_ASSESSMENT("Riskbedömning"),
    PENSION_FORECAST("Pensionsprognos"),
    CLAIM_MANAGEMENT("Skadereglering"),
    /** An authority's case work, förordning (1980:995). */
    CASE_WORK("Handläggning av ärende hos myndighet"),
    /** Social services, förordning (2008:975). */
    SOCIAL_SERVICES("Handläggning av ekonomiskt bistånd"),
    /** Förordning (2009:555). */
    MUNICIPAL_CHILDCARE_ALLOWANCE("Kommunalt vårdnadsbidrag");

    private final String swedishName;

    Purpose(String swedishName) {
        this.swedishName = swedishName;
    }

    /** The name a Swedish reader knows the purpose by, for pages and letters. */
    public String swedishName() {
        return swedishName;
    }
}
