-- Idempotency-Key is compared exactly: keys are opaque and case-sensitive, so an upper-cased key is another request
-- and must not replay the response of the lower-cased one (issue 9). Keys are visible ASCII (checked on input).
ALTER TABLE idempotency_record
    MODIFY idem_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
