package se.lefi.domain.register;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A benefit decision (beslut) as the register holds it. Amounts are SEK. */
public record Decision(String decisionId, String personId, InformationType benefit, LocalDate caseStart, boolean caseActive,
                       LocalDate decisionDate, boolean finalDecision, LocalDate periodFrom, LocalDate periodTom,
                       Extent extent, BigDecimal days, boolean waitingDayDeduction, String outcome, String decisionType,
                       BigDecimal compensationLevel, BigDecimal dailyAmount) {
}
