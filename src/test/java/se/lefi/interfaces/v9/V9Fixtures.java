package se.lefi.interfaces.v9;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.Extent;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.Sgi;
import se.lefi.domain.register.SourceStatus;

/** Synthetic register data for the v9 mapping tests (the personnummer is synthetic: valid format, test series). */
final class V9Fixtures {

    static final String PERSON = "197407029284";
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private V9Fixtures() {
    }

    static BigDecimal sek(String amount) {
        return new BigDecimal(amount);
    }

    static Decision decision(String id, InformationType type, LocalDate caseStart, boolean active, String outcome) {
        return new Decision(id, PERSON, type, caseStart, active, caseStart.plusDays(10), true,
                caseStart.plusDays(14), caseStart.plusDays(19), new Extent(3, 4), new BigDecimal("6"), type == InformationType.SJP,
                outcome, "NYTT", new BigDecimal("80.00"), sek("812.50"));
    }

    static Payment payment(String id, InformationType type, LocalDate date) {
        return new Payment(id, PERSON, type, date, date.withDayOfMonth(1).minusMonths(1), date.withDayOfMonth(1).minusDays(1),
                sek("10000.00"), sek("3000.00"), sek("250.00"), sek("6750.00"));
    }

    static PersonInformation personInformation() {
        return new PersonInformation(PERSON, LocalDate.of(1974, 7, 2), false, "1463");
    }

    static Sgi sgi() {
        return new Sgi("S1", PERSON, LocalDate.of(2025, 3, 1), "KOMBINERAD", sek("420000.00"),
                List.of(new IncomeSource(IncomeSource.Kind.EMPLOYMENT, "Arbetsgivare", sek("300000.00")),
                        new IncomeSource(IncomeSource.Kind.BUSINESS, "Enskild firma", sek("120000.00"))));
    }

    static BenefitAnswer answer(List<Decision> decisions, List<Payment> payments, List<Sgi> sgi, PersonInformation info,
                                Set<InformationType> withheld) {
        Map<InformationType, SourceStatus> sources = new EnumMap<>(InformationType.class);
        for (InformationType t : InformationType.values()) {
            sources.put(t, SourceStatus.OK);
        }
        return new BenefitAnswer("corr-1", Instant.parse("2026-06-30T10:00:00Z"), PERSON, info, sources, withheld,
                decisions, payments, sgi);
    }

    /** All 27 FK benefit codes. */
    static List<String> allBenefitCodes() {
        return new ArrayList<>(V9Codes.FK_BENEFITS.keySet());
    }

    /**
     * A person with decisions of every benefit group (two of them in one SJP case, and a refused case),
     * a paid and a preliminary payment of every group, SGI and GEPI, asked for everything lefi has, some
     * PM codes and FK:PANV.
     */
    static V9Question everythingQuestion() {
        List<String> benefits = allBenefitCodes();
        List<String> payments = new ArrayList<>(benefits);
        payments.add("PM:AP");
        return new V9Question(PERSON, LocalDate.of(2022, 7, 1), TODAY, benefits, List.of("PM:AP"), List.of("PM:EF"),
                payments, payments, List.of("FK:GEPI", "FK:SGI", "FK:PANV", "PM:PU"));
    }

    static BenefitAnswer everythingAnswer() {
        List<Decision> decisions = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 1, 10);
        int i = 0;
        for (InformationType t : InformationType.values()) {
            if (!t.isBenefit()) {
                continue;
            }
            decisions.add(decision("D" + i, t, start.plusDays(i), i % 2 == 0, "BEVILJAT"));
            payments.add(payment("P" + i, t, LocalDate.of(2026, 5, 25)));
            payments.add(payment("Q" + i, t, LocalDate.of(2026, 7, 25)));
            i++;
        }
        decisions.add(decision("D-SJP-2", InformationType.SJP, start.plusDays(InformationType.SJP.ordinal()), false, "BEVILJAT"));
        decisions.add(decision("D-FP-refused", InformationType.FP, LocalDate.of(2024, 2, 1), false, "AVSLAG"));
        return answer(decisions, payments, List.of(sgi()), personInformation(), Set.of());
    }
}
