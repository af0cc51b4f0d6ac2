package se.lefi.domain.party;

/** The ways in that an agreement may cover (anmälan names the ones wanted). */
public enum ServiceInterface {
    SYSTEM_TO_SYSTEM,
    WEB
}
