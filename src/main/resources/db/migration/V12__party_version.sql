-- One counter of changes to party facts: organisations, agreements, certificate bindings, agent
-- assignments, web users, actors, maintenance windows. Every administrator's action adds one in its own
-- transaction, so a node that reads the counter at the start of a request knows whether what it holds
-- in memory is still the database's (se.lefi.application.PartyFacts).
CREATE TABLE PARTY_VERSION (
    ID      INT    PRIMARY KEY,
    VERSION BIGINT NOT NULL
);
INSERT INTO PARTY_VERSION (ID, VERSION) VALUES (1, 0);
