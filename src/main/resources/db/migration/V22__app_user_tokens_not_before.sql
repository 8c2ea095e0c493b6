-- Tokens issued before this moment are refused: set when a person's sessions are ended (promotion to a role that
-- needs a second factor, second-factor reset), so that access tokens they already hold stop working at once rather
-- than when they expire (issue 9).
ALTER TABLE app_user ADD COLUMN tokens_not_before TIMESTAMP(3) NULL AFTER last_seen_at;
