-- Signed seals (format 2). A seal now states, in one canonical text, its chain, number, time, the
-- previous seal's hash and each record's id and hash (ENTRIES, one "id hash" line each); its hash is the
-- SHA-256 of that text, and SIGNATURE is the audit-signing key's ECDSA signature over it (base64 DER).
-- Seals written before this (FORMAT 1) keep their hash over the records' hashes and no signature.
ALTER TABLE AUDIT_SEAL ADD COLUMN FORMAT INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE AUDIT_SEAL ADD COLUMN ENTRIES VARCHAR(1000000);
ALTER TABLE AUDIT_SEAL ADD COLUMN SIGNATURE VARCHAR(200);

-- The administrators' actions get a chain of their own, sealed the same way. Actions logged before this
-- get their hash when they are first sealed.
ALTER TABLE ADMIN_ACTION ADD COLUMN RECORD_HASH VARCHAR(64);
ALTER TABLE ADMIN_ACTION ADD COLUMN SEAL_ID BIGINT;
CREATE INDEX ADMIN_ACTION_SEAL ON ADMIN_ACTION (SEAL_ID, ID);

CREATE TABLE ADMIN_SEAL (
    ID            BIGINT PRIMARY KEY,
    SEALED_AT     TIMESTAMP WITH TIME ZONE NOT NULL,
    RECORD_COUNT  INTEGER     NOT NULL,
    PREVIOUS_HASH VARCHAR(64) NOT NULL,
    SEAL_HASH     VARCHAR(64) NOT NULL,
    FORMAT        INTEGER     NOT NULL,
    ENTRIES       VARCHAR(1000000),
    SIGNATURE     VARCHAR(200),
    CONSTRAINT ADMIN_SEAL_CHAIN UNIQUE (PREVIOUS_HASH)
);
