package se.lefi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;
import se.lefi.domain.audit.DisclosureReport;
import se.lefi.domain.identity.PersonId;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.infrastructure.audit.DisclosureReportQuery;

/**
 * The disclosure report on a large audit log ({@code bin/lefi bench --scenario disclosure-report}): fills
 * a database of its own with {@code --records} synthetic audit records about {@code --persons} persons
 * over one year, by plain JDBC and without a server (a server would start sealing ten million records; the
 * secondary indexes are built after the load), then
 * runs the very query the server runs ({@link DisclosureReportQuery}) for {@code --reports} random persons
 * and for one person named in every 2,000th record (the person a log holds most of), and prints the
 * latency (p50, p99, max) and the query plan.
 *
 * <pre>
 * --jdbc     jdbc:h2:file:var/db/report-bench (new for each run) or a PostgreSQL URL (its schema is emptied)
 * --user, --password
 * --records  10000000
 * --persons  1000000
 * --reports  2000
 * </pre>
 */
public final class DisclosureReportBench {
    private static final String[] ORGANISATIONS = {"5569000010", "5569000028", "2120002411", "5569000036", "5569000069"};
    private static final String[] KINDS = {"INSURER", "INSURANCE_AGENT", "AUTHORITY", "AGENT", "INSURER"};
    private static final Instant START = Instant.parse("2025-12-01T00:00:00Z");
    private static final long YEAR_SECONDS = 365L * 24 * 3600;
    private static final int HEAVY_EVERY = 2_000;
    private static final String INSERT = "INSERT INTO AUDIT_RECORD (ID, REQUEST_ID, RECORDED_AT, INTERFACE_NAME, OPERATION,"
            + " ORGANISATION_NUMBER, CERTIFICATE_FINGERPRINT, PERSON_ID, PURPOSE, LEGAL_BASIS, CORRELATION_ID, TYPES_RETURNED, OUTCOME,"
            + " RECORD_HASH) VALUES (?, ?, ?, 'SYSTEM_TO_SYSTEM', 'GetBenefitInformation', ?, ?, ?, 'COORDINATION_OF_COMPENSATION',"
            + " 'SFB 110 kap. 39 §', ?, ?, ?, ?)";

    /**
     * AUDIT_RECORD's secondary indexes, as V1, V4 and V13 create them: dropped for the load and built
     * after it, because ten million random inserts into a person index take far longer than one sort. The
     * figures are of the queries, which see the same indexes either way.
     */
    private static final String[] DROP_INDEXES = {"DROP INDEX AUDIT_RECORD_ORGANISATION", "DROP INDEX AUDIT_RECORD_SEAL",
            "DROP INDEX AUDIT_RECORD_PERSON_TIME"};
    private static final String[] CREATE_INDEXES = {
            "CREATE INDEX AUDIT_RECORD_ORGANISATION ON AUDIT_RECORD (ORGANISATION_NUMBER, RECORDED_AT)",
            "CREATE INDEX AUDIT_RECORD_SEAL ON AUDIT_RECORD (SEAL_ID, ID)",
            "CREATE INDEX AUDIT_RECORD_PERSON_TIME ON AUDIT_RECORD (PERSON_ID, RECORDED_AT)"};

    private DisclosureReportBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.get("jdbc");
        long records = Long.parseLong(options.get("records"));
        long persons = Long.parseLong(options.get("persons"));
        int reports = Integer.parseInt(options.get("reports"));
        String heavy = SyntheticRegister.personId(persons); // outside the uniform population: only its own records

        System.out.println("Disclosure report benchmark");
        System.out.printf(Locale.ROOT, "  database    %s%n  log         %,d audit records about %,d persons over one year;"
                + " one person in every %,d records (%,d records)%n", url, records, persons, HEAVY_EVERY, records / HEAVY_EVERY);
        try (Connection connection = DriverManager.getConnection(url, options.get("user"), options.get("password"))) {
            long started = System.nanoTime();
            Flyway.configure().dataSource(url, options.get("user"), options.get("password"))
                    .locations("classpath:db/migration").cleanDisabled(false).load().migrate();
            organisations(connection);
            execute(connection, DROP_INDEXES);
            fill(connection, records, persons, heavy);
            System.out.printf(Locale.ROOT, "  loaded      in %.0f s%n", (System.nanoTime() - started) / 1e9);
            long indexing = System.nanoTime();
            execute(connection, CREATE_INDEXES);
            System.out.printf(Locale.ROOT, "  indexed     in %.0f s%n", (System.nanoTime() - indexing) / 1e9);
            if (url.startsWith("jdbc:postgresql:")) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ANALYZE AUDIT_RECORD");
                }
            }
            plan(connection, heavy);

            LocalDate from = LocalDate.ofInstant(START, PersonId.SWEDEN);
            LocalDate to = from.plusYears(1);
            SplittableRandom random = new SplittableRandom(7);
            for (int warm = 0; warm < 200; warm++) {
                report(connection, SyntheticRegister.personId(random.nextLong(persons)), from, to);
            }
            Histogram uniform = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            long listed = 0;
            for (int i = 0; i < reports; i++) {
                long t0 = System.nanoTime();
                listed += report(connection, SyntheticRegister.personId(random.nextLong(persons)), from, to);
                uniform.recordValue(System.nanoTime() - t0);
            }
            print("random person", uniform, (double) listed / reports);
            Histogram heavyPerson = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            long heavyListed = 0;
            for (int i = 0; i < 50; i++) {
                long t0 = System.nanoTime();
                heavyListed = report(connection, heavy, from, to);
                heavyPerson.recordValue(System.nanoTime() - t0);
            }
            print("busiest person", heavyPerson, heavyListed);
        }
    }

    private static int report(Connection connection, String personId, LocalDate from, LocalDate to) throws Exception {
        DisclosureReport report = DisclosureReportQuery.read(connection, personId, from, to, 20_000, Instant.now());
        return report.disclosures().size() + report.refusals().size();
    }

    private static void print(String what, Histogram h, double listed) {
        System.out.printf(Locale.ROOT, "  %-14s %,d reports, %.1f entries each; latency ms p50 %.2f   p99 %.2f   max %.2f%n",
                what, h.getTotalCount(), listed, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }

    private static void execute(Connection connection, String[] statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static void organisations(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO ORGANISATION (ID, ORGANISATION_NUMBER, NAME, KIND) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < ORGANISATIONS.length; i++) {
                s.setLong(1, 900_000 + i);
                s.setString(2, ORGANISATIONS[i]);
                s.setString(3, "Bench organisation " + i);
                s.setString(4, KINDS[i]);
                s.executeUpdate();
            }
        }
    }

    /** Records in time order, as a log grows: ids and times rise together, persons are drawn at random. */
    private static void fill(Connection connection, long records, long persons, String heavy) throws SQLException {
        connection.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(1);
        String hash = "0".repeat(64);
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            for (long id = 1; id <= records; id++) {
                int organisation = random.nextInt(ORGANISATIONS.length);
                boolean refused = random.nextInt(20) == 0;
                s.setLong(1, id);
                s.setString(2, Long.toString(id));
                s.setObject(3, OffsetDateTime.ofInstant(START.plusSeconds(id * YEAR_SECONDS / records), ZoneOffset.UTC));
                s.setString(4, ORGANISATIONS[organisation]);
                s.setString(5, hash);
                s.setString(6, id % HEAVY_EVERY == 0 ? heavy : SyntheticRegister.personId(random.nextLong(persons)));
                s.setString(7, "claim-" + id);
                s.setString(8, refused ? null : "SGI,SJP");
                s.setString(9, refused ? "CONSENT_MISSING" : "GRANTED");
                s.setString(10, hash);
                s.addBatch();
                if (id % 1_000 == 0) {
                    s.executeBatch();
                }
                if (id % 100_000 == 0) {
                    connection.commit();
                }
                if (id % 1_000_000 == 0) {
                    System.out.printf(Locale.ROOT, "  ... %,d records%n", id);
                }
            }
            s.executeBatch();
            connection.commit();
        }
        connection.setAutoCommit(true);
    }

    private static void plan(Connection connection, String person) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("EXPLAIN SELECT A.ID FROM AUDIT_RECORD A WHERE A.PERSON_ID = ?"
                + " AND A.RECORDED_AT >= ? AND A.RECORDED_AT < ?")) {
            s.setString(1, person);
            s.setObject(2, OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(START.plusSeconds(YEAR_SECONDS), ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1).replaceAll("\\s+", " ").strip()).append(' ');
                }
                System.out.println("  plan        " + plan.toString().strip());
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("jdbc", "jdbc:h2:file:./var/db/report-bench");
        defaults.put("user", "sa");
        defaults.put("password", "");
        defaults.put("records", "10000000");
        defaults.put("persons", "1000000");
        defaults.put("reports", "2000");
        return BenchOptions.parse("DisclosureReportBench", defaults, args);
    }

}
