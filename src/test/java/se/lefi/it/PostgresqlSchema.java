package se.lefi.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Gives the PostgreSQL integration run an empty schema (mvn verify -Ppostgresql runs it before the
 * server starts), so that Flyway builds it from the first migration, as on a new installation.
 * Arguments: JDBC URL, user, password, schema.
 */
public final class PostgresqlSchema {
    private PostgresqlSchema() {
    }

    public static void main(String[] args) throws Exception {
        String schema = args[3];
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name: lower-case letters, digits and _ only: " + schema);
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        System.out.println("[lefi] PostgreSQL schema " + schema + " at " + args[0] + " is empty for the integration tests");
    }
}
