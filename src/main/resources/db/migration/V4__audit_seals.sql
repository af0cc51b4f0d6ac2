-- Tamper evidence for the audit log. Each record carries the hash of its own content; a sealer
-- chains records into seals, each seal hashing the previous seal's hash and its records' hashes in id
-- order. A changed record breaks its own hash, a removed one its seal's count and hash.
ALTER TABLE AUDIT_RECORD ADD COLUMN RECORD_HASH VARCHAR(64);
ALTER TABLE AUDIT_RECORD ADD COLUMN SEAL_ID BIGINT;
CREATE INDEX AUDIT_RECORD_SEAL ON AUDIT_RECORD (SEAL_ID, ID);

CREATE TABLE AUDIT_SEAL (
    ID              BIGINT PRIMARY KEY,
    SEALED_AT       TIMESTAMP WITH TIME ZONE NOT NULL,
    RECORD_COUNT    INTEGER     NOT NULL,
    PREVIOUS_HASH   VARCHAR(64) NOT NULL,
    SEAL_HASH       VARCHAR(64) NOT NULL,
    -- Only one seal may follow a given seal, even with several nodes sealing.
    CONSTRAINT AUDIT_SEAL_CHAIN UNIQUE (PREVIOUS_HASH)
);
