-- The named web user who asked, beside the organisation (LEFI Online web).
ALTER TABLE AUDIT_RECORD ADD COLUMN USER_PERSON_ID VARCHAR(12);
