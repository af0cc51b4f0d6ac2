package se.lefi.dev.register;

import se.lefi.domain.register.Decision;
import se.lefi.domain.register.Extent;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.Sgi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import se.lefi.domain.identity.PersonId;
import se.lefi.dev.register.SyntheticPersonIds;

/**
 * Deterministic generator of a synthetic benefit register, for tests, demos and load tests.
 *
 * <p>Person {@code index} always gets the same record for the same seed: each person has its own
 * {@link SplittableRandom} seeded from {@code (seed, index)}, so persons can be generated
 * independently and in parallel. Dates are relative to the fixed {@link #REFERENCE_DATE}, never to
 * the clock.
 *
 * <p>The rules (all ages at {@link #REFERENCE_DATE}):
 * <ul>
 *   <li>Person id: the index is first spread by a fixed permutation of 0..CAPACITY-1 (multiplication
 *       by a constant coprime to the capacity), so that any prefix 0..n-1 mixes all birth years;
 *       then it is the synthetic personnummer of the spread index, or for about 3% of indexes (chosen
 *       by index alone, not by seed) the synthetic samordningsnummer. The two kinds cannot collide (a
 *       samordningsnummer's day is 61..91), and each is a bijection, so ids are distinct across
 *       indexes.</li>
 *   <li>Under 18: general person information only.</li>
 *   <li>SGI: most persons aged 18..66 have one or two SGI records, set on dates from 2019 on.</li>
 *   <li>18..64: 0..6 decisions over the last four years: mostly SJP (needs an SGI); FP and TFP for
 *       ages 20..50 (TFP needs an SGI); ABB, US and VB for parents; BOB; AS (activity compensation)
 *       for 19..29; SA (sickness compensation), YL for 30+; HE. AP (early withdrawal) for some of
 *       63..64.</li>
 *   <li>65+: pensions AP (almost all), GP, BTI, ET, as yearly decisions (the current year, and for
 *       some the year before); rarely YL or HE.</li>
 *   <li>Day-based benefits (SJP, FP, TFP) have {@code days} = days in the period x extent; monthly
 *       benefits have {@code days} = 0 and {@code dailyAmount} = monthly amount x 12 / 365.
 *       Rejected decisions (AVSLAG) have zero days and amounts and no payments.</li>
 *   <li>Payments: one per calendar month of a granted decision, paid the 25th of the month after,
 *       only those paid on or before {@link #REFERENCE_DATE}, at most {@link #MAX_PAYMENTS} per person
 *       (the latest). Tax is 30% (HALF_EVEN), except for the tax-free ABB, BOB, US, HE and BTI.</li>
 *   <li>Lists are ordered: decisions by period start then id, payments by payment date then id, SGI by
 *       date set then id.</li>
 * </ul>
 *
 * <p>Money is SEK as {@link BigDecimal} with scale 2. The ids are valid in format only and may
 * coincide with real people's numbers: never use them against production data.
 */
public final class SyntheticRegister {

    /** The date the register's timeline is generated relative to. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 6, 30);
    /** Decisions start on or after this date (four years before {@link #REFERENCE_DATE}). */
    public static final LocalDate WINDOW_START = REFERENCE_DATE.minusYears(4).plusDays(1);
    /** At most this many decisions per person. */
    public static final int MAX_DECISIONS = 6;
    /** At most this many payments per person (the latest ones). */
    public static final int MAX_PAYMENTS = 24;
    /** SGI records are set on or after this date. */
    public static final LocalDate SGI_EARLIEST = LocalDate.of(2019, 1, 1);

    public static final String GRANTED = "BEVILJAT";
    public static final String PARTLY_GRANTED = "DELVIS_BEVILJAT";
    public static final String REJECTED = "AVSLAG";
    public static final String NEW = "NYTT";
    public static final String CHANGE = "ANDRING";
    public static final String EXTENSION = "FORLANGNING";

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** 4-digit municipality codes, Stockholm twice. */
    private static final String[] MUNICIPALITIES = {
        "0180", "0180", "1480", "1280", "0380", "0580", "2480", "1880", "0680", "1980", "1283", "0581",
        "1281", "2281", "2180", "1490", "0780", "1780", "2580", "2380", "1380", "0880", "2080", "1080",
        "0980", "0480",
    };

    private static final Extent HALF = new Extent(1, 2);
    private static final Extent QUARTER = new Extent(1, 4);
    private static final Extent THREE_QUARTERS = new Extent(3, 4);
    private static final Extent EIGHTH = new Extent(1, 8);

    private static final BigDecimal ZERO = BigDecimal.valueOf(0, 2);
    private static final BigDecimal LEVEL_80 = BigDecimal.valueOf(8000, 2);
    private static final BigDecimal LEVEL_77_6 = BigDecimal.valueOf(7760, 2);
    private static final BigDecimal LEVEL_64_7 = BigDecimal.valueOf(6470, 2);
    private static final BigDecimal LEVEL_100 = BigDecimal.valueOf(10000, 2);

    /** Ten price base amounts (2025): the SGI ceiling for SJP and FP. */
    private static final long SGI_CEILING = 588_000;
    /** 7.5 price base amounts: the SGI ceiling for TFP. */
    private static final long SGI_CEILING_TFP = 441_000;
    private static final long MAX_DAILY = 1_250;
    private static final long FP_MIN_DAILY_WITH_SGI = 250;
    private static final long FP_LOWEST_LEVEL = 180;

    private static final int REFERENCE_MONTH = monthIndex(REFERENCE_DATE);
    /** The last month whose payment (the 25th of the month after) is on or before the reference date. */
    private static final int LAST_PAYABLE_MONTH = REFERENCE_MONTH - (REFERENCE_DATE.getDayOfMonth() >= 25 ? 1 : 2);
    private static final int WINDOW_MONTHS = REFERENCE_MONTH - monthIndex(WINDOW_START) + 1;
    private static final LocalDate WINDOW_FIRST_MONTH = WINDOW_START.withDayOfMonth(1);
    private static final int DAY_PERIOD_START_SPAN = (int) (REFERENCE_DATE.minusDays(7).toEpochDay() - WINDOW_START.toEpochDay() + 1);

    private static final String EMPLOYER_PREFIX = "Anställning, Arbetsgivare ";
    private static final String BUSINESS_PREFIX = "Näringsverksamhet, Verksamhet ";

    private final long seed;

    public SyntheticRegister(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The 12-digit person id of {@code index}: the same as {@code person(index).person().personId()}, for any seed. */
    public static String personId(long index) {
        return id(index).canonical();
    }

    /** Whether {@code index} gets a samordningsnummer (about 3% of indexes, independent of the seed). */
    public static boolean isCoordinationIndex(long index) {
        return Long.remainderUnsigned(mix64(index + 0x5DEECE66DL), 100) < 3;
    }

    private static PersonId id(long index) {
        if (index < 0 || index >= SyntheticPersonIds.CAPACITY) {
            throw new IllegalArgumentException("index outside 0.." + (SyntheticPersonIds.CAPACITY - 1));
        }
        // Coprime to the capacity, so this is a bijection; consecutive indexes land ~28,000 days apart.
        long spread = Math.floorMod(index * ID_SPREAD, SyntheticPersonIds.CAPACITY);
        return isCoordinationIndex(index) ? SyntheticPersonIds.coordinationNumber(spread) : SyntheticPersonIds.personnummer(spread);
    }

    private static final long ID_SPREAD = 1_000_003L;

    /**
     * The record of person {@code index}, {@code 0 <= index < SyntheticPersonIds.CAPACITY}.
     *
     * @throws IllegalArgumentException if the index is out of range
     */
    public PersonRecord person(long index) {
        PersonId id = id(index);
        return new Person(index, id, new SplittableRandom(seed * GOLDEN + index)).build();
    }

    // ---------------------------------------------------------------------------------------------

    /** The generation of one person. */
    private static final class Person {
        private final long index;
        private final String personId;
        private final PersonId id;
        private final SplittableRandom rng;
        private final int age;
        private final List<SgiDraft> sgi = new ArrayList<>(2);
        private final List<DecisionDraft> decisions = new ArrayList<>(MAX_DECISIONS);

        Person(long index, PersonId id, SplittableRandom rng) {
            this.index = index;
            this.id = id;
            this.personId = id.canonical();
            this.rng = rng;
            this.age = age(id.birthDate(), REFERENCE_DATE);
        }

        PersonRecord build() {
            PersonInformation info = new PersonInformation(personId, id.birthDate(), id.isCoordinationNumber(),
                    MUNICIPALITIES[rng.nextInt(MUNICIPALITIES.length)]);
            if (age < 18) {
                return new PersonRecord(info, List.of(), List.of(), List.of());
            }
            if (age <= 66 && rng.nextInt(100) < 88) {
                sgi();
            }
            if (age < 65) {
                workingAgeDecisions();
            } else {
                pensionerDecisions();
            }
            decisions.sort(BY_PERIOD_START);
            List<Decision> decisionRecords = new ArrayList<>(decisions.size());
            String decisionPrefix = "D" + index + "-";
            for (int n = 0; n < decisions.size(); n++) {
                decisionRecords.add(decisions.get(n).toRecord(decisionPrefix + n, personId));
            }
            return new PersonRecord(info, decisionRecords, payments(), sgiRecords());
        }

        // --- SGI ----------------------------------------------------------------------------------

        private void sgi() {
            LocalDate adult = id.birthDate().plusYears(18);
            LocalDate earliest = adult.isAfter(SGI_EARLIEST) ? adult : SGI_EARLIEST;
            LocalDate latest = REFERENCE_DATE.minusDays(30);
            long span = latest.toEpochDay() - earliest.toEpochDay();
            if (span < 0) {
                return;
            }
            boolean two = span > 270 && rng.nextInt(100) < 35;
            LocalDate first = earliest.plusDays(rng.nextLong((two ? span - 180 : span) + 1));
            String type = sgiType();
            long income = 150_000 + roundDownToHundred((long) (750_000 * square(rng.nextDouble())));
            sgi.add(new SgiDraft(first, type, income, sources(type, income)));
            if (two) {
                long from = first.toEpochDay() + 90;
                LocalDate second = LocalDate.ofEpochDay(from + rng.nextLong(latest.toEpochDay() - from + 1));
                String type2 = rng.nextInt(100) < 80 ? type : sgiType();
                long income2 = Math.max(150_000, Math.min(900_000,
                        roundDownToHundred(income * (90 + rng.nextInt(36)) / 100)));
                sgi.add(new SgiDraft(second, type2, income2, sources(type2, income2)));
            }
        }

        private String sgiType() {
            int r = rng.nextInt(100);
            return r < 70 ? "ANSTALLD" : r < 80 ? "NARINGSIDKARE" : r < 90 ? "KOMBINERAD" : "STUDIETID";
        }

        private List<IncomeSource> sources(String type, long income) {
            boolean firstIsBusiness = type.equals("NARINGSIDKARE");
            boolean two = type.equals("KOMBINERAD") || (type.equals("ANSTALLD") && rng.nextInt(100) < 20);
            if (!two) {
                return List.of(source(firstIsBusiness, income));
            }
            long firstAmount = roundDownToHundred(income * (50 + rng.nextInt(41)) / 100);
            return List.of(source(false, firstAmount), source(type.equals("KOMBINERAD"), income - firstAmount));
        }

        private IncomeSource source(boolean business, long amount) {
            int number = 1000 + rng.nextInt(9000);
            return business
                    ? new IncomeSource(IncomeSource.Kind.BUSINESS, BUSINESS_PREFIX + number, kronor(amount))
                    : new IncomeSource(IncomeSource.Kind.EMPLOYMENT, EMPLOYER_PREFIX + number, kronor(amount));
        }

        private List<Sgi> sgiRecords() {
            if (sgi.isEmpty()) {
                return List.of();
            }
            List<Sgi> out = new ArrayList<>(sgi.size());
            String prefix = "S" + index + "-";
            for (int n = 0; n < sgi.size(); n++) {
                SgiDraft s = sgi.get(n);
                out.add(new Sgi(prefix + n, personId, s.setOn, s.type, kronor(s.income), s.sources));
            }
            return out;
        }

        /** The SGI income in force on {@code date}, or the first one if none is yet; 0 without SGI. */
        private long incomeOn(LocalDate date) {
            if (sgi.isEmpty()) {
                return 0;
            }
            long income = sgi.get(0).income;
            for (SgiDraft s : sgi) {
                if (!s.setOn.isAfter(date)) {
                    income = s.income;
                }
            }
            return income;
        }

        // --- decisions: working age ---------------------------------------------------------------

        private void workingAgeDecisions() {
            int r = rng.nextInt(100);
            int count = r < 30 ? 0 : r < 55 ? 1 : r < 73 ? 2 : r < 85 ? 3 : r < 93 ? 4 : r < 97 ? 5 : 6;
            if (count == 0) {
                return;
            }
            boolean parent = age >= 22 && age <= 55 && rng.nextInt(100) < 55;
            boolean hasSgi = !sgi.isEmpty();
            boolean earlyPension = age >= 63 && rng.nextInt(100) < 25;
            if (earlyPension) {
                pension(InformationType.AP, 63, 6_000, 22_000, rng.nextInt(100) < 40);
            }
            // Weights in the order of CANDIDATES.
            int[] weights = new int[CANDIDATES.length];
            weights[0] = hasSgi ? 40 : 0;                                  // SJP
            weights[1] = age >= 20 && age <= 50 ? 20 : 0;                  // FP
            weights[2] = hasSgi && age >= 20 && age <= 50 ? 14 : 0;        // TFP
            weights[3] = parent ? 12 : 0;                                  // ABB
            weights[4] = parent ? 3 : 0;                                   // US
            weights[5] = parent ? 2 : 0;                                   // VB
            weights[6] = age < 30 || parent ? 4 : 1;                       // BOB
            weights[7] = age >= 19 && age <= 29 ? 3 : 0;                   // AS
            weights[8] = age >= 30 ? 3 : 0;                                // SA
            weights[9] = age >= 30 ? 1 : 0;                                // YL
            weights[10] = 2;                                               // HE
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            while (decisions.size() < count) {
                int pick = rng.nextInt(total);
                int k = 0;
                while (pick >= weights[k]) {
                    pick -= weights[k];
                    k++;
                }
                InformationType benefit = CANDIDATES[k];
                if (!REPEATABLE[k] && has(benefit)) {
                    count--; // one concurrent decision of this kind is enough
                    continue;
                }
                switch (benefit) {
                    case SJP, FP, TFP -> dayBased(benefit);
                    default -> monthly(benefit);
                }
            }
        }

        private boolean has(InformationType benefit) {
            for (DecisionDraft d : decisions) {
                if (d.benefit == benefit) {
                    return true;
                }
            }
            return false;
        }

        private void dayBased(InformationType benefit) {
            DecisionDraft d = new DecisionDraft(benefit);
            int length;
            switch (benefit) {
                case SJP -> {
                    length = 7 + (int) (173 * square(rng.nextDouble()));
                    d.extent = pickExtent(55, 15, 10, 20, 0);
                    int t = rng.nextInt(100);
                    d.type = t < 60 ? NEW : t < 90 ? EXTENSION : CHANGE;
                    d.level = LEVEL_80;
                }
                case FP -> {
                    length = 10 + rng.nextInt(200);
                    d.extent = pickExtent(70, 12, 8, 6, 4);
                    int t = rng.nextInt(100);
                    d.type = t < 75 ? NEW : t < 90 ? CHANGE : EXTENSION;
                    d.level = rng.nextInt(100) < 60 ? LEVEL_77_6 : LEVEL_80;
                }
                default -> { // TFP
                    length = 1 + rng.nextInt(10);
                    d.extent = pickExtent(85, 7, 0, 5, 3);
                    d.type = rng.nextInt(100) < 95 ? NEW : CHANGE;
                    d.level = LEVEL_80;
                }
            }
            DecisionDraft previous = benefit == InformationType.SJP && d.type.equals(EXTENSION) ? last(InformationType.SJP) : null;
            if (previous != null && previous.tom.isBefore(REFERENCE_DATE.minusDays(7))) {
                // An extension continues the previous sickness case.
                d.from = previous.tom.plusDays(1);
                d.caseStart = previous.caseStart;
            } else {
                d.from = WINDOW_START.plusDays(rng.nextInt(DAY_PERIOD_START_SPAN));
                d.caseStart = d.type.equals(NEW)
                        ? d.from.minusDays(benefit == InformationType.FP ? rng.nextInt(31) : 0)
                        : d.from.minusDays(14 + rng.nextInt(120));
            }
            d.tom = d.from.plusDays(length - 1);
            d.decisionDate = benefit == InformationType.FP
                    ? between(d.caseStart, d.from)
                    : d.from.plusDays(rng.nextInt(15)); // sickness and care of a child are decided afterwards
            if (d.decisionDate.isAfter(REFERENCE_DATE)) {
                d.decisionDate = REFERENCE_DATE;
            }
            d.waitingDay = benefit == InformationType.SJP && d.type.equals(NEW);
            d.finalDecision = rng.nextInt(100) < 95;
            outcome(d);
            if (!d.outcome.equals(REJECTED)) {
                long days = d.tom.toEpochDay() - d.from.toEpochDay() + 1;
                d.daysCents = divHalfEven(days * 100 * d.extent.numerator(), d.extent.denominator());
                long income = incomeOn(d.from);
                long daily;
                if (benefit == InformationType.FP && income == 0) {
                    daily = FP_LOWEST_LEVEL;
                } else {
                    long ceiling = benefit == InformationType.TFP ? SGI_CEILING_TFP : SGI_CEILING;
                    daily = Math.min(MAX_DAILY, divHalfEven(Math.min(income, ceiling) * 776, 365_000));
                    if (benefit == InformationType.FP) {
                        daily = Math.max(FP_MIN_DAILY_WITH_SGI, daily);
                    }
                }
                d.dailyCents = daily * 100;
            }
            decisions.add(d);
        }

        private DecisionDraft last(InformationType benefit) {
            for (int i = decisions.size() - 1; i >= 0; i--) {
                if (decisions.get(i).benefit == benefit) {
                    return decisions.get(i);
                }
            }
            return null;
        }

        private void monthly(InformationType benefit) {
            DecisionDraft d = new DecisionDraft(benefit);
            d.monthly = true;
            d.level = LEVEL_100;
            d.extent = Extent.FULL;
            int months;
            long amount;
            switch (benefit) {
                case ABB -> {
                    months = 24 + rng.nextInt(157);
                    int children = rng.nextInt(100) < 60 ? 1 : rng.nextInt(100) < 75 ? 2 : 3;
                    amount = 1_250L * children + (children == 2 ? 150 : children == 3 ? 730 : 0);
                    d.extent = rng.nextInt(100) < 80 ? Extent.FULL : HALF;
                }
                case US -> {
                    months = 12 + rng.nextInt(49);
                    amount = 1_573 + 100L * rng.nextInt(8);
                }
                case VB -> {
                    months = 12 + rng.nextInt(25);
                    amount = 12_250;
                    d.extent = pickExtent(20, 40, 15, 25, 0);
                }
                case BOB -> {
                    months = 6 + rng.nextInt(7);
                    amount = 1_000 + 100L * rng.nextInt(36);
                }
                case AS -> {
                    months = 12 + rng.nextInt(25);
                    amount = 9_000 + 100L * rng.nextInt(41);
                    d.extent = pickExtent(50, 25, 10, 15, 0);
                    d.level = LEVEL_64_7;
                }
                case SA -> {
                    months = 12 + rng.nextInt(49);
                    amount = 9_000 + 100L * rng.nextInt(111);
                    d.extent = pickExtent(50, 25, 10, 15, 0);
                    d.level = LEVEL_64_7;
                }
                case YL -> {
                    months = 60 + rng.nextInt(181);
                    amount = 2_000 + 100L * rng.nextInt(131);
                }
                default -> { // HE
                    months = 24 + rng.nextInt(37);
                    int level = rng.nextInt(4);
                    amount = level == 0 ? 2_940 : level == 1 ? 3_381 : level == 2 ? 4_214 : 5_047;
                }
            }
            d.from = WINDOW_FIRST_MONTH.plusMonths(rng.nextInt(WINDOW_MONTHS));
            d.tom = d.from.plusMonths(months).minusDays(1);
            int t = rng.nextInt(100);
            d.type = t < 70 ? NEW : t < 90 ? CHANGE : EXTENSION;
            d.caseStart = d.type.equals(NEW) ? d.from.minusDays(20 + rng.nextInt(71)) : d.from.minusDays(90 + rng.nextInt(631));
            d.decisionDate = between(d.caseStart, d.from);
            d.finalDecision = rng.nextInt(100) < (benefit == InformationType.BOB ? 75 : 95);
            outcome(d);
            if (!d.outcome.equals(REJECTED)) {
                d.monthlyAmount = amount;
                d.dailyCents = divHalfEven(amount * 100 * 12, 365);
            }
            decisions.add(d);
        }

        private void outcome(DecisionDraft d) {
            int o = rng.nextInt(100);
            d.outcome = o < 85 ? GRANTED : o < 92 ? PARTLY_GRANTED : REJECTED;
        }

        // --- decisions: pensioners ----------------------------------------------------------------

        private void pensionerDecisions() {
            if (rng.nextInt(100) < 97) {
                pension(InformationType.AP, 65, 6_000, 28_000, rng.nextInt(100) < 40);
            }
            if (rng.nextInt(100) < 45) {
                pension(InformationType.GP, 65, 800, 10_000, false);
            }
            if (rng.nextInt(100) < 20) {
                pension(InformationType.BTI, 65, 500, 6_500, false);
            }
            if (rng.nextInt(100) < 6) {
                pension(InformationType.ET, 65, 1_500, 12_000, false);
            }
            int r = rng.nextInt(100);
            if (r < 2) {
                monthly(InformationType.YL);
            } else if (r < 4) {
                monthly(InformationType.HE);
            }
        }

        /** Yearly pension decisions: the current year, and if {@code previousYear} also the year before. */
        private void pension(InformationType benefit, int startAge, long min, long max, boolean previousYear) {
            LocalDate start = id.birthDate().plusYears(startAge).plusMonths(1).withDayOfMonth(1);
            LocalDate caseStart = start.minusDays(60 + rng.nextInt(61));
            long amount = min + 100L * rng.nextInt((int) ((max - min) / 100) + 1);
            int year = REFERENCE_DATE.getYear();
            for (int y = previousYear ? year - 1 : year; y <= year; y++) {
                LocalDate yearStart = LocalDate.of(y, 1, 1);
                LocalDate yearEnd = LocalDate.of(y, 12, 31);
                if (start.isAfter(yearEnd) || decisions.size() >= MAX_DECISIONS) {
                    continue;
                }
                DecisionDraft d = new DecisionDraft(benefit);
                d.monthly = true;
                d.level = LEVEL_100;
                d.extent = Extent.FULL;
                d.caseStart = caseStart;
                boolean first = !start.isBefore(yearStart);
                d.from = first ? start : yearStart;
                d.tom = yearEnd;
                d.type = first ? NEW : CHANGE;
                d.decisionDate = first ? between(caseStart, start) : LocalDate.of(y - 1, 12, 1 + rng.nextInt(15));
                if (d.decisionDate.isAfter(REFERENCE_DATE)) {
                    d.decisionDate = REFERENCE_DATE;
                }
                d.finalDecision = true;
                d.outcome = GRANTED;
                long yearAmount = y == year ? amount : amount * 100 / 102; // last year's, before indexation
                d.monthlyAmount = yearAmount;
                d.dailyCents = divHalfEven(yearAmount * 100 * 12, 365);
                decisions.add(d);
            }
        }

        // --- payments -----------------------------------------------------------------------------

        private List<Payment> payments() {
            List<PaymentDraft> all = new ArrayList<>();
            for (int n = 0; n < decisions.size(); n++) {
                DecisionDraft d = decisions.get(n);
                if (d.outcome.equals(REJECTED) || d.dailyCents == 0) {
                    continue;
                }
                int firstMonth = Math.max(monthIndex(d.from), LAST_PAYABLE_MONTH - (MAX_PAYMENTS - 1));
                int lastMonth = Math.min(monthIndex(d.tom), LAST_PAYABLE_MONTH);
                boolean taxFree = isTaxFree(d.benefit);
                for (int m = firstMonth; m <= lastMonth; m++) {
                    LocalDate monthStart = LocalDate.of(m / 12, m % 12 + 1, 1);
                    int monthLength = monthStart.lengthOfMonth();
                    LocalDate monthEnd = monthStart.withDayOfMonth(monthLength);
                    LocalDate from = d.from.isAfter(monthStart) ? d.from : monthStart;
                    LocalDate tom = d.tom.isBefore(monthEnd) ? d.tom : monthEnd;
                    long days = tom.toEpochDay() - from.toEpochDay() + 1;
                    int num = d.extent.numerator();
                    int den = d.extent.denominator();
                    long gross;
                    if (!d.monthly) {
                        gross = divHalfEven(d.dailyCents * days * num, den);
                    } else if (days == monthLength) {
                        gross = divHalfEven(d.monthlyAmount * 100 * num, den);
                    } else {
                        gross = divHalfEven(d.monthlyAmount * 100 * days * num, (long) monthLength * den);
                    }
                    long tax = taxFree ? 0 : divHalfEven(gross * 30, 100);
                    long deductions = 0;
                    if (rng.nextInt(100) < 5) {
                        deductions = Math.min(gross - tax, 100L * (50 + rng.nextInt(1451)));
                    }
                    all.add(new PaymentDraft(n, d.benefit, monthStart.plusMonths(1).withDayOfMonth(25), from, tom,
                            gross, tax, deductions));
                }
            }
            if (all.isEmpty()) {
                return List.of();
            }
            all.sort(PaymentDraft.ORDER);
            List<PaymentDraft> kept = all.size() > MAX_PAYMENTS ? all.subList(all.size() - MAX_PAYMENTS, all.size()) : all;
            List<Payment> out = new ArrayList<>(kept.size());
            String prefix = "P" + index + "-";
            for (int n = 0; n < kept.size(); n++) {
                PaymentDraft p = kept.get(n);
                out.add(new Payment(prefix + (n < 10 ? "0" + n : Integer.toString(n)), personId, p.benefit, p.paymentDate,
                        p.from, p.tom, cents(p.gross), cents(p.tax), cents(p.deductions),
                        cents(p.gross - p.tax - p.deductions)));
            }
            return out;
        }

        // --- helpers ------------------------------------------------------------------------------

        private Extent pickExtent(int full, int half, int threeQuarters, int quarter, int eighth) {
            int r = rng.nextInt(full + half + threeQuarters + quarter + eighth);
            if (r < full) {
                return Extent.FULL;
            }
            r -= full;
            if (r < half) {
                return HALF;
            }
            r -= half;
            if (r < threeQuarters) {
                return THREE_QUARTERS;
            }
            r -= threeQuarters;
            return r < quarter ? QUARTER : EIGHTH;
        }

        /** A date in [from, to] (from if to is before from). */
        private LocalDate between(LocalDate from, LocalDate to) {
            long span = to.toEpochDay() - from.toEpochDay();
            return span <= 0 ? from : from.plusDays(rng.nextLong(span + 1));
        }
    }

    private static final InformationType[] CANDIDATES = {
        InformationType.SJP, InformationType.FP, InformationType.TFP, InformationType.ABB, InformationType.US,
        InformationType.VB, InformationType.BOB, InformationType.AS, InformationType.SA, InformationType.YL,
        InformationType.HE,
    };
    private static final boolean[] REPEATABLE = {true, true, true, true, false, false, true, false, false, false, false};

    private static final Comparator<DecisionDraft> BY_PERIOD_START = Comparator.comparing((DecisionDraft d) -> d.from);

    private static final class DecisionDraft {
        final InformationType benefit;
        boolean monthly;
        LocalDate caseStart;
        LocalDate decisionDate;
        LocalDate from;
        LocalDate tom;
        Extent extent;
        long daysCents;
        boolean waitingDay;
        boolean finalDecision;
        String outcome;
        String type;
        BigDecimal level;
        long dailyCents;
        long monthlyAmount;

        DecisionDraft(InformationType benefit) {
            this.benefit = benefit;
        }

        Decision toRecord(String decisionId, String personId) {
            return new Decision(decisionId, personId, benefit, caseStart, !tom.isBefore(REFERENCE_DATE), decisionDate,
                    finalDecision, from, tom, extent, cents(daysCents), waitingDay, outcome, type, level, cents(dailyCents));
        }
    }

    private record SgiDraft(LocalDate setOn, String type, long income, List<IncomeSource> sources) {
    }

    private record PaymentDraft(int decision, InformationType benefit, LocalDate paymentDate, LocalDate from,
                                LocalDate tom, long gross, long tax, long deductions) {
        static final Comparator<PaymentDraft> ORDER = Comparator.comparing(PaymentDraft::paymentDate)
                .thenComparingInt(PaymentDraft::decision).thenComparing(PaymentDraft::from);
    }

    /** Benefits paid without preliminary tax. */
    private static boolean isTaxFree(InformationType benefit) {
        return switch (benefit) {
            case ABB, BOB, US, HE, BTI -> true;
            default -> false;
        };
    }

    private static BigDecimal cents(long cents) {
        return cents == 0 ? ZERO : BigDecimal.valueOf(cents, 2);
    }

    private static BigDecimal kronor(long kronor) {
        return BigDecimal.valueOf(kronor * 100, 2);
    }

    /** {@code num / den} rounded HALF_EVEN, for {@code num >= 0, den > 0}. */
    static long divHalfEven(long num, long den) {
        long q = num / den;
        long twice = 2 * (num - q * den);
        if (twice > den || (twice == den && (q & 1) == 1)) {
            q++;
        }
        return q;
    }

    private static long roundDownToHundred(long amount) {
        return amount / 100 * 100;
    }

    private static double square(double x) {
        return x * x;
    }

    private static int monthIndex(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    private static int age(LocalDate birth, LocalDate on) {
        int age = on.getYear() - birth.getYear();
        if (on.getMonthValue() < birth.getMonthValue()
                || (on.getMonthValue() == birth.getMonthValue() && on.getDayOfMonth() < birth.getDayOfMonth())) {
            age--;
        }
        return age;
    }

    /** The SplitMix64 finaliser. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
