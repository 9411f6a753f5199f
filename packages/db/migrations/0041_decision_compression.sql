-- Decisions are large (a ten-person 以工代训 claim explains 71 conditions with their citations:
-- about 47 kB of JSON) and are written on every submission. PostgreSQL's default TOAST
-- compression (pglz) spent about 0.5 ms of server CPU per decision; lz4 spends a tenth of that and
-- compresses this text as well. Servers built without lz4 (and the embedded database, if so) keep
-- pglz: the statement is skipped there, with the same data and behaviour.
DO $$
BEGIN
  ALTER TABLE applications ALTER COLUMN decision SET COMPRESSION lz4;
  ALTER TABLE review_cases ALTER COLUMN decision SET COMPRESSION lz4, ALTER COLUMN request SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 compression not available: decisions stay pglz-compressed';
END;
$$;
