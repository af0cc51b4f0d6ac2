package se.lefi.domain.subscription;

/** The register's last change, and the last one notified. */
public record Backlog(long lastChange, long lastDispatched) {
    /** Changes not yet turned into notifications. */
    public long pending() {
        return lastChange - lastDispatched;
    }
}
