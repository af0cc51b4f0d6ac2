package se.lefi.domain.register;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment (utbetalning) in SEK: net = gross - tax - deductions. */
public record Payment(String paymentId, String personId, InformationType benefit, LocalDate paymentDate,
                      LocalDate periodFrom, LocalDate periodTom, BigDecimal grossAmount, BigDecimal tax,
                      BigDecimal deductions, BigDecimal netAmount) {
}
