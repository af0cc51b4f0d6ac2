package se.lefi.domain.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Sjukpenninggrundande inkomst: the income sickness benefit is computed from, in SEK per year. */
public record Sgi(String sgiId, String personId, LocalDate setOn, String sgiType, BigDecimal annualIncome,
                  List<IncomeSource> incomeSources) {
    public Sgi {
        incomeSources = List.copyOf(incomeSources);
    }
}
