package se.lefi.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The party version (PARTY_VERSION, V12): one counter, raised in the same transaction as every change to
 * party facts, read once per request. The cached party facts hold while it is unchanged.
 */
public final class PartyVersion {
    private PartyVersion() {
    }

    /** One more, in the transaction of {@code em}. */
    public static void raise(EntityManager em) {
        em.createNativeQuery("UPDATE PARTY_VERSION SET VERSION = VERSION + 1 WHERE ID = 1").executeUpdate();
    }

    /** Plain JDBC: the cheapest read there is. */
    public static long read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT VERSION FROM PARTY_VERSION WHERE ID = 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
