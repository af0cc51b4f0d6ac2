package se.lefi.domain.register;

import java.math.BigDecimal;

/** The employment or business an SGI derives from. */
public record IncomeSource(Kind kind, String description, BigDecimal annualAmount) {
    public enum Kind { EMPLOYMENT, BUSINESS }
}
