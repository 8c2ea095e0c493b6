-- Idempotent replays answer with the same ETag as the first response.
ALTER TABLE idempotency_record ADD COLUMN response_etag VARCHAR(200) NULL;
