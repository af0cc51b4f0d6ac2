package se.lefi.dev.register;

import se.lefi.infrastructure.register.RegisterWriter;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import se.lefi.dev.register.SyntheticPersonIds;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.Sgi;
import se.lefi.dev.register.SyntheticRegister;

/**
 * Loads synthetic persons into the register tables (V2) with plain JDBC batched inserts: version 1,
 * current (SUPERSEDED_AT NULL), recorded at the given time.
 *
 * <p>Workers (two on a database server, one on an embedded H2), each on its own connection with
 * autocommit off, load disjoint parts of the index range. Each commits per chunk of
 * {@value #CHUNK_PERSONS} persons and sends a batch every {@value #BATCH_ROWS} rows. A failure stops the other workers and is rethrown; the chunks committed
 * before it stay (whether persons are already loaded is the caller's business, see
 * {@link #personCount(DataSource)}). Standard SQL only: H2 2.2 and PostgreSQL 15. (On PostgreSQL the
 * driver's {@code reWriteBatchedInserts=true} speeds this up considerably.)
 */
public final class RegisterBulkLoader {

    static final int CHUNK_PERSONS = 1_000;
    static final int BATCH_ROWS = 1_000;
    /** Worker threads for a database server (the machine has two cores). */
    static final int WORKERS = 2;

    private static final String INSERT_PERSON = "INSERT INTO REGISTER_PERSON"
            + " (PERSON_ID, BIRTH_DATE, COORDINATION_NUMBER, MUNICIPALITY_CODE, RECORDED_AT) VALUES (?, ?, ?, ?, ?)";
    private RegisterBulkLoader() {
    }

    /**
     * Loads persons {@code fromIndex} (inclusive) to {@code toIndexExclusive} of {@code register}, with
     * {@value #WORKERS} workers on a database server, and one on an embedded H2 (see
     * {@link #workersFor(DataSource)}).
     *
     * @return the number of rows inserted, over all four tables
     * @throws IllegalArgumentException if the range is not within {@code 0..SyntheticPersonIds.CAPACITY}
     * @throws IllegalStateException if the load fails (the cause is the {@link SQLException} or other
     *         failure); the chunks committed before the failure stay
     */
    public static long load(DataSource dataSource, SyntheticRegister register, long fromIndex, long toIndexExclusive,
                            Instant recordedAt) {
        return load(dataSource, register, fromIndex, toIndexExclusive, recordedAt, workersFor(dataSource));
    }

    /**
     * As {@link #load(DataSource, SyntheticRegister, long, long, Instant)}, with {@code workers}
     * threads (each with its own connection, over disjoint index ranges).
     */
    public static long load(DataSource dataSource, SyntheticRegister register, long fromIndex, long toIndexExclusive,
                            Instant recordedAt, int workers) {
        if (fromIndex < 0 || toIndexExclusive < fromIndex || toIndexExclusive > SyntheticPersonIds.CAPACITY) {
            throw new IllegalArgumentException("the index range must lie within 0.." + SyntheticPersonIds.CAPACITY);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker");
        }
        OffsetDateTime recorded = recordedAt.atOffset(ZoneOffset.UTC);
        long count = toIndexExclusive - fromIndex;
        if (count == 0) {
            return 0;
        }
        AtomicBoolean failed = new AtomicBoolean();
        int threads = (int) Math.max(1, Math.min(workers, count / CHUNK_PERSONS));
        if (threads == 1) {
            return call(() -> loadRange(dataSource, register, fromIndex, toIndexExclusive, recorded, failed));
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "register-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> futures = new ArrayList<>(threads);
            for (int w = 0; w < threads; w++) {
                long from = fromIndex + count * w / threads;
                long to = fromIndex + count * (w + 1) / threads;
                futures.add(executor.submit(() -> {
                    try {
                        return loadRange(dataSource, register, from, to, recorded, failed);
                    } catch (SQLException | RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            long rows = 0;
            Throwable failure = null;
            for (Future<Long> future : futures) {
                try {
                    rows += future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                } catch (InterruptedException e) {
                    failed.set(true);
                    Thread.currentThread().interrupt();
                    failure = failure == null ? e : failure;
                }
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException("loading the register failed", failure);
            }
            return rows;
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The number of workers {@link #load(DataSource, SyntheticRegister, long, long, Instant)} uses:
     * one for an embedded H2 (in memory or file), {@value #WORKERS} otherwise. An embedded H2 runs in
     * this JVM on the same two cores, and two writers into the same tables contend on its B-tree
     * roots: measured with 200,000 persons into an H2 file, one worker took 32 s and two 85 s.
     */
    public static int workersFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL() == null ? "" : meta.getURL();
            boolean embeddedH2 = "H2".equalsIgnoreCase(meta.getDatabaseProductName())
                    && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
            return embeddedH2 ? 1 : WORKERS;
        } catch (SQLException e) {
            throw new IllegalStateException("the register database could not be reached", e);
        }
    }

    /** The number of persons in REGISTER_PERSON. */
    public static long personCount(DataSource dataSource) {
        return call(() -> {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM REGISTER_PERSON")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private interface SqlCall {
        long call() throws SQLException;
    }

    private static long call(SqlCall call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new IllegalStateException("loading the register failed", e);
        }
    }

    private static long loadRange(DataSource dataSource, SyntheticRegister register, long from, long to,
                                  OffsetDateTime recorded, AtomicBoolean failed) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Batch persons = new Batch(connection, INSERT_PERSON);
                 Batch decisions = new Batch(connection, RegisterWriter.INSERT_DECISION);
                 Batch payments = new Batch(connection, RegisterWriter.INSERT_PAYMENT);
                 Batch sgis = new Batch(connection, RegisterWriter.INSERT_SGI)) {
                long rows = 0;
                for (long chunk = from; chunk < to; chunk += CHUNK_PERSONS) {
                    if (failed.get() || Thread.currentThread().isInterrupted()) {
                        return rows; // the other worker failed; its failure is reported
                    }
                    long chunkEnd = Math.min(to, chunk + CHUNK_PERSONS);
                    for (long i = chunk; i < chunkEnd; i++) {
                        PersonRecord record = register.person(i);
                        person(persons, record.person(), recorded);
                        for (Decision d : record.decisions()) {
                            RegisterWriter.bindDecision(decisions.statement, d, 1, recorded);
                            decisions.add();
                        }
                        for (Payment p : record.payments()) {
                            RegisterWriter.bindPayment(payments.statement, p, 1, recorded);
                            payments.add();
                        }
                        for (Sgi s : record.sgi()) {
                            RegisterWriter.bindSgi(sgis.statement, s, 1, recorded);
                            sgis.add();
                        }
                    }
                    persons.flush();
                    decisions.flush();
                    payments.flush();
                    sgis.flush();
                    connection.commit();
                    rows = persons.rows + decisions.rows + payments.rows + sgis.rows;
                }
                return rows;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException ignored) {
                    // the connection is being closed anyway
                }
            }
        }
    }

    private static void person(Batch b, PersonInformation p, OffsetDateTime recorded) throws SQLException {
        PreparedStatement s = b.statement;
        s.setString(1, p.personId());
        s.setObject(2, p.birthDate());
        s.setBoolean(3, p.coordinationNumber());
        s.setString(4, p.municipalityCode());
        s.setObject(5, recorded);
        b.add();
    }

    /** One prepared insert, sent every {@value #BATCH_ROWS} rows. */
    private static final class Batch implements AutoCloseable {
        final PreparedStatement statement;
        int pending;
        long rows;

        Batch(Connection connection, String sql) throws SQLException {
            statement = connection.prepareStatement(sql);
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending >= BATCH_ROWS) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                rows += pending;
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
