package se.lefi.infrastructure.register;

import se.lefi.dev.register.RegisterBulkLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.lefi.domain.register.Decision;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.Sgi;
import se.lefi.dev.register.SyntheticRegister;

class RegisterReaderTest {

    private static final SyntheticRegister REGISTER = new SyntheticRegister(11);
    private static final Instant RECORDED_AT = Instant.parse("2026-06-30T10:00:00Z");
    private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate EVER_TOM = LocalDate.of(2199, 12, 31);
    private static final Set<InformationType> ALL = EnumSet.allOf(InformationType.class);

    /**
     * Loaded ranges, 2,000 persons: consecutive indexes walk through birth dates from 1930, so these
     * pick pensioners (born 1930, 1943), working ages (1962, 1984) and young adults (1998).
     */
    private static final long[][] RANGES = {{0, 250}, {5_000, 5_250}, {12_000, 12_500}, {20_000, 20_750}, {25_000, 25_250}};
    /** Persons that the tests below change by hand; no other test compares them. */
    private static final long[] CHANGED = {21_000, 21_200};

    private static JdbcDataSource dataSource;
    private static Connection connection;

    @BeforeAll
    static void loadRegister() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:reader-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        for (long[] range : RANGES) {
            RegisterBulkLoader.load(dataSource, REGISTER, range[0], range[1], RECORDED_AT);
        }
        RegisterBulkLoader.load(dataSource, REGISTER, CHANGED[0], CHANGED[1], RECORDED_AT);
        connection = dataSource.getConnection();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static List<Long> loaded() {
        List<Long> indexes = new ArrayList<>();
        for (long[] range : RANGES) {
            for (long i = range[0]; i < range[1]; i++) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static long find(LongPredicate wanted) {
        for (long i : loaded()) {
            if (wanted.test(i)) {
                return i;
            }
        }
        throw new AssertionError("no loaded person fits");
    }

    private static PersonRecord read(long index, LocalDate from, LocalDate tom, Set<InformationType> types)
            throws SQLException {
        return RegisterReader.read(connection, SyntheticRegister.personId(index), from, tom, types).orElseThrow();
    }

    /** The filter the reader should apply, written out independently. */
    private static PersonRecord expected(PersonRecord full, LocalDate from, LocalDate tom, Set<InformationType> types) {
        List<Decision> decisions = full.decisions().stream()
                .filter(d -> types.contains(d.benefit()))
                .filter(d -> !d.periodFrom().isAfter(tom) && !d.periodTom().isBefore(from))
                .sorted(Comparator.comparing(Decision::periodFrom).thenComparing(Decision::decisionId))
                .collect(Collectors.toList());
        List<Payment> payments = full.payments().stream()
                .filter(p -> types.contains(p.benefit()))
                .filter(p -> !p.periodFrom().isAfter(tom) && !p.periodTom().isBefore(from))
                .sorted(Comparator.comparing(Payment::paymentDate).thenComparing(Payment::paymentId))
                .collect(Collectors.toList());
        List<Sgi> sgi = new ArrayList<>();
        if (types.contains(InformationType.SGI)) {
            full.sgi().stream().filter(s -> s.setOn().isBefore(from))
                    .max(Comparator.comparing(Sgi::setOn).thenComparing(Sgi::sgiId))
                    .ifPresent(sgi::add);
            full.sgi().stream().filter(s -> !s.setOn().isBefore(from) && !s.setOn().isAfter(tom)).forEach(sgi::add);
            sgi.sort(Comparator.comparing(Sgi::setOn).thenComparing(Sgi::sgiId));
        }
        return new PersonRecord(full.person(), decisions, payments, sgi);
    }

    @Test
    void everyLoadedPersonReadsBackAsGenerated() throws SQLException {
        int decisions = 0;
        int payments = 0;
        int sgi = 0;
        for (long i : loaded()) {
            PersonRecord generated = REGISTER.person(i);
            assertEquals(generated, read(i, EVER_FROM, EVER_TOM, ALL), "person " + i);
            decisions += generated.decisions().size();
            payments += generated.payments().size();
            sgi += generated.sgi().size();
        }
        assertTrue(decisions > 500 && payments > 2_000 && sgi > 300, decisions + " / " + payments + " / " + sgi);
    }

    @Test
    void periodAndTypeFiltersMatchAnIndependentFilter() throws SQLException {
        LocalDate[][] windows = {
            {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)},
            {LocalDate.of(2025, 6, 15), LocalDate.of(2026, 6, 30)},
            {LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 31)},
            {LocalDate.of(2026, 7, 1), LocalDate.of(2027, 12, 31)},
            {LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 17)},
        };
        List<Set<InformationType>> typeSets = List.of(
                ALL,
                EnumSet.of(InformationType.SJP),
                EnumSet.of(InformationType.SJP, InformationType.FP, InformationType.SGI),
                EnumSet.of(InformationType.AP, InformationType.GP, InformationType.GEPI),
                EnumSet.of(InformationType.SGI),
                EnumSet.of(InformationType.GEPI),
                EnumSet.complementOf(EnumSet.of(InformationType.SJP, InformationType.SGI)));
        int nonEmpty = 0;
        int changedByFilter = 0;
        List<Long> indexes = loaded();
        for (int n = 0; n < indexes.size(); n += 3) {
            long i = indexes.get(n);
            PersonRecord full = REGISTER.person(i);
            for (LocalDate[] w : windows) {
                for (Set<InformationType> types : typeSets) {
                    PersonRecord want = expected(full, w[0], w[1], types);
                    PersonRecord got = read(i, w[0], w[1], types);
                    assertEquals(want, got, "person " + i + " " + w[0] + ".." + w[1] + " " + types);
                    if (!got.decisions().isEmpty() || !got.payments().isEmpty() || !got.sgi().isEmpty()) {
                        nonEmpty++;
                    }
                    if (!got.equals(full)) {
                        changedByFilter++;
                    }
                }
            }
        }
        assertTrue(nonEmpty > 1_000 && changedByFilter > 1_000, nonEmpty + " / " + changedByFilter);
    }

    @Test
    void onlyTheRequestedBenefitsAreReturned() throws SQLException {
        long i = find(x -> {
            PersonRecord p = REGISTER.person(x);
            return !p.sgi().isEmpty()
                    && p.payments().stream().anyMatch(d -> d.benefit() == InformationType.SJP)
                    && p.decisions().stream().anyMatch(d -> d.benefit() != InformationType.SJP);
        });
        PersonRecord got = read(i, EVER_FROM, EVER_TOM, EnumSet.of(InformationType.SJP));
        assertEquals(REGISTER.person(i).person(), got.person());
        assertFalse(got.decisions().isEmpty());
        assertFalse(got.payments().isEmpty());
        assertTrue(got.decisions().stream().allMatch(d -> d.benefit() == InformationType.SJP));
        assertTrue(got.payments().stream().allMatch(p -> p.benefit() == InformationType.SJP));
        assertTrue(got.sgi().isEmpty(), "SGI was not asked for");

        PersonRecord onlyPerson = read(i, EVER_FROM, EVER_TOM, EnumSet.of(InformationType.GEPI));
        assertEquals(new PersonRecord(REGISTER.person(i).person(), List.of(), List.of(), List.of()), onlyPerson);
    }

    @Test
    void theSgiInForceAtTheStartIsIncluded() throws SQLException {
        long i = find(x -> REGISTER.person(x).sgi().size() == 2);
        List<Sgi> both = REGISTER.person(i).sgi();
        Sgi first = both.get(0);
        Sgi second = both.get(1);
        Set<InformationType> sgi = EnumSet.of(InformationType.SGI);

        // After both were set: only the later one, which is in force at the start.
        assertEquals(List.of(second), read(i, second.setOn().plusDays(1), EVER_TOM, sgi).sgi());
        // Between them: the first (in force at the start) and the second (set within).
        assertEquals(both, read(i, first.setOn().plusDays(1), EVER_TOM, sgi).sgi());
        // A period that ends before the second was set.
        assertEquals(List.of(first), read(i, first.setOn(), second.setOn().minusDays(1), sgi).sgi());
        assertEquals(List.of(first), read(i, first.setOn().plusDays(1), second.setOn().minusDays(1), sgi).sgi());
        // Before either was set: nothing.
        assertEquals(List.of(), read(i, EVER_FROM, first.setOn().minusDays(1), sgi).sgi());
        // A one-day period on the day the second was set: both (the first is the latest before it).
        assertEquals(both, read(i, second.setOn(), second.setOn(), sgi).sgi());
    }

    @Test
    void anUnknownPersonIsEmpty() throws SQLException {
        assertEquals(Optional.empty(), RegisterReader.read(connection, SyntheticRegister.personId(30_000),
                EVER_FROM, EVER_TOM, ALL));
        assertEquals(Optional.empty(), RegisterReader.read(connection, "000000000000", EVER_FROM, EVER_TOM, ALL));
    }

    @Test
    void aPersonWithoutBenefitsHasEmptyLists() throws SQLException {
        long i = find(x -> {
            PersonRecord p = REGISTER.person(x);
            return p.decisions().isEmpty() && p.payments().isEmpty() && p.sgi().isEmpty();
        });
        PersonRecord got = read(i, EVER_FROM, EVER_TOM, ALL);
        assertEquals(REGISTER.person(i), got);
        assertTrue(got.decisions().isEmpty() && got.payments().isEmpty() && got.sgi().isEmpty());
    }

    @Test
    void onlyCurrentVersionsAreReturned() throws SQLException {
        long i = -1;
        for (long x = CHANGED[0]; x < CHANGED[1] && i < 0; x++) {
            PersonRecord p = REGISTER.person(x);
            if (!p.decisions().isEmpty() && !p.payments().isEmpty() && !p.sgi().isEmpty()) {
                i = x;
            }
        }
        assertTrue(i >= 0);
        PersonRecord generated = REGISTER.person(i);
        String personId = generated.person().personId();
        Decision old = generated.decisions().get(0);
        OffsetDateTime changedAt = OffsetDateTime.of(2026, 7, 1, 8, 0, 0, 0, ZoneOffset.UTC);

        // A change: version 1 is closed, version 2 (rejected) recorded.
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE REGISTER_DECISION SET SUPERSEDED_AT = ? WHERE DECISION_ID = ? AND VERSION = 1")) {
            s.setObject(1, changedAt);
            s.setString(2, old.decisionId());
            assertEquals(1, s.executeUpdate());
        }
        Decision changed = new Decision(old.decisionId(), personId, old.benefit(), old.caseStart(), old.caseActive(),
                old.decisionDate(), true, old.periodFrom(), old.periodTom(), old.extent(), BigDecimal.valueOf(0, 2),
                false, "AVSLAG", "ANDRING", old.compensationLevel(), BigDecimal.valueOf(0, 2));
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO REGISTER_DECISION (DECISION_ID, VERSION,"
                + " PERSON_ID, BENEFIT, CASE_START, CASE_ACTIVE, DECISION_DATE, FINAL_DECISION, PERIOD_FROM, PERIOD_TOM,"
                + " EXTENT_NUMERATOR, EXTENT_DENOMINATOR, DAYS, WAITING_DAY_DEDUCTION, OUTCOME, DECISION_TYPE,"
                + " COMPENSATION_LEVEL, DAILY_AMOUNT, RECORDED_AT, SUPERSEDED_AT)"
                + " VALUES (?, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
            s.setString(1, changed.decisionId());
            s.setString(2, personId);
            s.setString(3, changed.benefit().name());
            s.setObject(4, changed.caseStart());
            s.setBoolean(5, changed.caseActive());
            s.setObject(6, changed.decisionDate());
            s.setBoolean(7, changed.finalDecision());
            s.setObject(8, changed.periodFrom());
            s.setObject(9, changed.periodTom());
            s.setInt(10, changed.extent().numerator());
            s.setInt(11, changed.extent().denominator());
            s.setBigDecimal(12, changed.days());
            s.setBoolean(13, changed.waitingDayDeduction());
            s.setString(14, changed.outcome());
            s.setString(15, changed.decisionType());
            s.setBigDecimal(16, changed.compensationLevel());
            s.setBigDecimal(17, changed.dailyAmount());
            s.setObject(18, changedAt);
            assertEquals(1, s.executeUpdate());
        }
        // Rows that were withdrawn: a payment and an SGI with SUPERSEDED_AT set and no current version.
        Payment p = generated.payments().get(0);
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO REGISTER_PAYMENT (PAYMENT_ID, VERSION,"
                + " PERSON_ID, BENEFIT, PAYMENT_DATE, PERIOD_FROM, PERIOD_TOM, GROSS_AMOUNT, TAX, DEDUCTIONS, NET_AMOUNT,"
                + " RECORDED_AT, SUPERSEDED_AT) VALUES ('WITHDRAWN-P', 1, ?, ?, ?, ?, ?, 100.00, 30.00, 0.00, 70.00, ?, ?)")) {
            s.setString(1, personId);
            s.setString(2, p.benefit().name());
            s.setObject(3, p.paymentDate());
            s.setObject(4, p.periodFrom());
            s.setObject(5, p.periodTom());
            s.setObject(6, RECORDED_AT.atOffset(ZoneOffset.UTC));
            s.setObject(7, changedAt);
            assertEquals(1, s.executeUpdate());
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO REGISTER_SGI (SGI_ID, VERSION, PERSON_ID,"
                + " SET_ON, SGI_TYPE, ANNUAL_INCOME, RECORDED_AT, SUPERSEDED_AT)"
                + " VALUES ('WITHDRAWN-S', 1, ?, ?, 'ANSTALLD', 500000.00, ?, ?)")) {
            s.setString(1, personId);
            s.setObject(2, SyntheticRegister.REFERENCE_DATE.minusDays(1));
            s.setObject(3, RECORDED_AT.atOffset(ZoneOffset.UTC));
            s.setObject(4, changedAt);
            assertEquals(1, s.executeUpdate());
        }

        List<Decision> decisions = new ArrayList<>(generated.decisions());
        decisions.set(0, changed);
        PersonRecord want = new PersonRecord(generated.person(), decisions, generated.payments(), generated.sgi());
        assertEquals(want, read(i, EVER_FROM, EVER_TOM, ALL));
    }

    @Test
    void theRegisterTimeComesWithThePersonAndWithoutOne() throws SQLException {
        long i = find(x -> !REGISTER.person(x).decisions().isEmpty());
        String personId = SyntheticRegister.personId(i);
        RegisterReader.Reading before = RegisterReader.readWithRegisterTime(connection, personId, EVER_FROM, EVER_TOM, ALL);
        assertEquals(Optional.empty(), before.registerTime(), "no register time before the register is loaded");
        assertEquals(REGISTER.person(i), before.person().orElseThrow());

        Instant registerTime = Instant.parse("2026-03-01T12:00:00Z");
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO REGISTER_STATE (ID, REGISTER_TIME, LAST_CHANGE) VALUES (1, ?, 0)")) {
            s.setObject(1, registerTime.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
        try {
            RegisterReader.Reading known = RegisterReader.readWithRegisterTime(connection, personId, EVER_FROM, EVER_TOM, ALL);
            assertEquals(Optional.of(registerTime), known.registerTime());
            assertEquals(REGISTER.person(i), known.person().orElseThrow());
            RegisterReader.Reading unknown = RegisterReader.readWithRegisterTime(connection, SyntheticRegister.personId(30_000),
                    EVER_FROM, EVER_TOM, ALL);
            assertEquals(new RegisterReader.Reading(Optional.of(registerTime), Optional.empty()), unknown);
        } finally {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM REGISTER_STATE")) {
                s.executeUpdate();
            }
        }
    }

    @Test
    void onlyTheQueriesTheTypesNeedAreMade() throws SQLException {
        long i = find(x -> {
            PersonRecord p = REGISTER.person(x);
            return !p.sgi().isEmpty() && !p.decisions().isEmpty();
        });
        String personId = SyntheticRegister.personId(i);
        assertEquals(1, statements(personId, EnumSet.of(InformationType.GEPI)));
        assertEquals(2, statements(personId, EnumSet.of(InformationType.SGI)));
        assertEquals(2, statements(personId, EnumSet.of(InformationType.SJP, InformationType.GEPI)));
        assertEquals(3, statements(personId, ALL));
        assertEquals(1, statements(SyntheticRegister.personId(30_000), ALL), "unknown person: one query");
    }

    /** How many statements {@link RegisterReader#read} prepares for one question. */
    private static int statements(String personId, Set<InformationType> types) throws SQLException {
        AtomicInteger prepared = new AtomicInteger();
        Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                            || method.getName().equals("prepareCall")) {
                        prepared.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        RegisterReader.read(counting, personId, EVER_FROM, EVER_TOM, types);
        return prepared.get();
    }
}
