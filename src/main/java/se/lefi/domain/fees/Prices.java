package se.lefi.domain.fees;

import java.math.BigDecimal;

/** One party kind's prices (avgifter) in one price list, in SEK with öre. */
public record Prices(BigDecimal fixedFeePerMonth, BigDecimal perQuestion, BigDecimal perMonitoredPersonPerMonth,
                     BigDecimal perNotification) {
    public Prices {
        fixedFeePerMonth = Sek.of(fixedFeePerMonth);
        perQuestion = Sek.of(perQuestion);
        perMonitoredPersonPerMonth = Sek.of(perMonitoredPersonPerMonth);
        perNotification = Sek.of(perNotification);
    }
}
