package se.lefi.infrastructure.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import javax.sql.DataSource;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.infrastructure.metrics.RequestOutcome;

/**
 * Writes audit records inside the caller's transaction, so an answer and its record commit or fail
 * together; the insert runs before any answer is built, so a failing write surfaces first.
 *
 * <p>One record, the question's, is written with plain JDBC on the request transaction's connection: on
 * the way of every question it is the only write, and JPA's unit of work cost as much as the rest of the
 * question's database work. The columns are AuditRecord's mapping, and ids come from AUDIT_RECORD_SEQ in
 * blocks of its increment (50), as EclipseLink takes them, so the two writers never share an id. Batches
 * (notifications) still go through JPA.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {
    private static final String INSERT = "INSERT INTO AUDIT_RECORD (ID, REQUEST_ID, RECORDED_AT, INTERFACE_NAME, OPERATION,"
            + " ORGANISATION_NUMBER, CERTIFICATE_FINGERPRINT, USER_PERSON_ID, PRINCIPAL_NUMBER, PERSON_ID, PURPOSE, LEGAL_BASIS,"
            + " CONSENT_REFERENCE, CASE_ID, CORRELATION_ID, TYPES_RETURNED, TYPES_WITHHELD, OUTCOME, REGISTER_TIME, ACTOR_ID,"
            + " STATED_PURPOSE, STATED_LEGAL_TEXT, CASE_HANDLER, RECORD_HASH, SEAL_ID)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";
    /** AUDIT_RECORD_SEQ's increment: each value the sequence gives names the block of ids that ends with it. */
    private static final int BLOCK = 50;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private long nextId;
    private long blockEnd = -1;

    public void record(AuditRecord record) {
        record.hashContent();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int column = 0;
            insert.setLong(++column, nextId(connection));
            insert.setString(++column, record.requestId());
            insert.setObject(++column, utc(record.recordedAt()));
            insert.setString(++column, record.interfaceName());
            insert.setString(++column, record.operation());
            insert.setString(++column, record.organisationNumber());
            insert.setString(++column, record.certificateFingerprint());
            insert.setString(++column, record.userPersonId());
            insert.setString(++column, record.principalOrganisationNumber());
            insert.setString(++column, record.personId());
            insert.setString(++column, record.purpose());
            insert.setString(++column, record.legalBasis());
            insert.setString(++column, record.consentReference());
            insert.setString(++column, record.caseId());
            insert.setString(++column, record.correlationId());
            insert.setString(++column, record.typesReturned());
            insert.setString(++column, record.typesWithheld());
            insert.setString(++column, record.outcome());
            if (record.registerTime() == null) {
                insert.setNull(++column, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                insert.setObject(++column, utc(record.registerTime()));
            }
            insert.setString(++column, record.actorId());
            insert.setString(++column, record.statedPurpose());
            insert.setString(++column, record.statedLegalText());
            insert.setString(++column, record.caseHandler());
            insert.setString(++column, record.recordHash());
            insert.executeUpdate();
        } catch (SQLException e) {
            // No database message: it may quote what was being written.
            throw new IllegalStateException("the audit record could not be written (" + e.getSQLState() + ")");
        }
        RequestOutcome.note(record.interfaceName(), record.operation(), record.outcome());
    }

    /** Many records with one flush (a batch of notifications). */
    public void recordAll(Collection<AuditRecord> records) {
        records.forEach(em::persist);
        em.flush();
        records.stream().reduce((first, second) -> second)
                .ifPresent(last -> RequestOutcome.note(last.interfaceName(), last.operation(), last.outcome()));
    }

    private synchronized long nextId(Connection connection) throws SQLException {
        if (nextId > blockEnd) {
            boolean postgresql = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            try (PreparedStatement next = connection.prepareStatement(postgresql ? "SELECT nextval('audit_record_seq')"
                    : "SELECT NEXT VALUE FOR AUDIT_RECORD_SEQ"); ResultSet value = next.executeQuery()) {
                value.next();
                blockEnd = value.getLong(1);
                nextId = blockEnd - BLOCK + 1;
            }
        }
        return nextId++;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
