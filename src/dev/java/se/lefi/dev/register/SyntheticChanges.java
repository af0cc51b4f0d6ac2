package se.lefi.dev.register;

import se.lefi.domain.register.Decision;
import se.lefi.domain.register.Extent;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.Sgi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import se.lefi.domain.subscription.RegisterChange;

/**
 * A synthetic change stream over persons {@code first} to {@code first + persons - 1} of a {@link SyntheticRegister}:
 * changed and ended decisions, new decisions, new payments, and new or changed SGI. Deterministic for
 * a seed. Changes of existing items start from the synthetic register's version, so a change may
 * move an item into or out of a subscription's scope (its period end moves either way).
 */
public final class SyntheticChanges {
    private static final InformationType[] BENEFITS = {
        InformationType.SJP, InformationType.FP, InformationType.TFP, InformationType.VB,
        InformationType.ABB, InformationType.BOB
    };

    private final SyntheticRegister register;
    private final long first;
    private final long persons;
    private final long seed;
    private final SplittableRandom rng;
    private final LocalDate today;
    private long count;

    public SyntheticChanges(SyntheticRegister register, long first, long persons, long seed, LocalDate today) {
        if (persons < 1 || first < 0) {
            throw new IllegalArgumentException("at least one person, from index 0 on");
        }
        this.register = register;
        this.first = first;
        this.persons = persons;
        this.seed = seed;
        this.rng = new SplittableRandom(seed);
        this.today = today;
    }

    public RegisterChange next() {
        count++;
        long index = first + rng.nextLong(persons);
        PersonRecord person = register.person(index);
        String personId = person.person().personId();
        int roll = rng.nextInt(100);
        if (roll < 35 && !person.decisions().isEmpty()) {
            return RegisterChange.of(changed(person.decisions().get(rng.nextInt(person.decisions().size()))));
        }
        if (roll < 60) {
            return RegisterChange.of(newDecision(personId));
        }
        if (roll < 85) {
            return RegisterChange.of(newPayment(personId));
        }
        if (!person.sgi().isEmpty() && rng.nextBoolean()) {
            Sgi s = person.sgi().get(rng.nextInt(person.sgi().size()));
            return RegisterChange.of(new Sgi(s.sgiId(), personId, s.setOn(), s.sgiType(), amount(150_000, 900_000), List.of()));
        }
        return RegisterChange.of(new Sgi("CS" + seed + "-" + count, personId, day(-4 * 365, 0), "ANSTALLD",
                amount(150_000, 900_000), List.of(new IncomeSource(IncomeSource.Kind.EMPLOYMENT, "Anställning, Arbetsgivare " + (1000 + rng.nextInt(9000)),
                        amount(150_000, 900_000)))));
    }

    /** A new version: the period's end moved (possibly ending the case), or the extent changed. */
    private Decision changed(Decision d) {
        LocalDate tom = rng.nextBoolean() ? d.periodTom().plusDays(rng.nextInt(1, 120)) : d.periodTom().minusDays(rng.nextInt(0, 400));
        if (tom.isBefore(d.periodFrom())) {
            tom = d.periodFrom();
        }
        boolean ended = rng.nextInt(4) == 0;
        return new Decision(d.decisionId(), d.personId(), d.benefit(), d.caseStart(), !ended && d.caseActive(), d.decisionDate(),
                d.finalDecision() || ended, d.periodFrom(), tom, new Extent(1 + rng.nextInt(4), 4), d.days(),
                d.waitingDayDeduction(), d.outcome(), d.decisionType(), d.compensationLevel(), d.dailyAmount());
    }

    private Decision newDecision(String personId) {
        InformationType benefit = benefit();
        LocalDate from = day(-3 * 365, 60);
        LocalDate tom = from.plusDays(rng.nextInt(7, 365));
        return new Decision("C" + seed + "-" + count, personId, benefit, from, true, from.minusDays(rng.nextInt(0, 30)), true,
                from, tom, new Extent(1 + rng.nextInt(4), 4), BigDecimal.valueOf(tom.toEpochDay() - from.toEpochDay() + 1),
                benefit == InformationType.SJP, "BEVILJAT", "NYTT", new BigDecimal("0.80"), amount(200, 1200));
    }

    private Payment newPayment(String personId) {
        LocalDate from = day(-3 * 365, 0).withDayOfMonth(1);
        BigDecimal gross = amount(1_000, 40_000);
        BigDecimal tax = gross.multiply(new BigDecimal("0.30")).setScale(2, java.math.RoundingMode.HALF_UP);
        return new Payment("CP" + seed + "-" + count, personId, benefit(), from.plusMonths(1).withDayOfMonth(25), from,
                from.plusMonths(1).minusDays(1), gross, tax, BigDecimal.ZERO.setScale(2), gross.subtract(tax));
    }

    private InformationType benefit() {
        return BENEFITS[rng.nextInt(BENEFITS.length)];
    }

    private LocalDate day(int fromOffset, int toOffset) {
        return today.plusDays(rng.nextInt(fromOffset, toOffset + 1));
    }

    private BigDecimal amount(int min, int max) {
        return BigDecimal.valueOf(rng.nextInt(min, max + 1)).setScale(2);
    }
}
