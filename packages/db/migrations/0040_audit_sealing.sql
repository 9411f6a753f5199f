-- The audit chain is sealed after commit instead of inside every transaction.
--
-- Until now each append took one global advisory lock and held it until its transaction committed,
-- so every state-changing transaction of the whole platform queued behind one lock (measured: the
-- submit benchmark spent most of its time waiting there). Now a transaction inserts its entries
-- without a lock; a sealer (packages/workflow/src/audit.ts `sealAuditLog`) later gives the
-- committed entries their place in the chain (seq), the previous hash and their own hash. A
-- transaction's entries become visible all at once when it commits, so the sealer never chains part
-- of a transaction, and what commits later is appended after what is already sealed.

ALTER TABLE audit_log
  ADD COLUMN seq bigint,
  ALTER COLUMN prev_hash DROP NOT NULL,
  ALTER COLUMN hash DROP NOT NULL;

-- Sealing may set the three seal columns once; nothing else may ever change, and nothing be deleted.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash' = to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

-- Rows written before this migration were chained in id order when they were inserted.
UPDATE audit_log SET seq = id;

ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_whole
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);
CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE seq IS NULL;
