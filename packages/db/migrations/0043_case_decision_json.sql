-- A case's decision and request are documents written whole and read whole (the case page, the
-- re-evaluation); SQL only ever reads a field or two (request->'period'). As jsonb, every write
-- re-parsed the ~47 kB explanation of a ten-person claim into binary form, the largest single cost
-- of a submission inside PostgreSQL 15 (its jsonb input appends each string byte by byte). As
-- json the text is only validated, and stored exactly as the engine produced it.
ALTER TABLE review_cases
  ALTER COLUMN decision TYPE json USING decision::json,
  ALTER COLUMN request TYPE json USING request::json;

DO $$
BEGIN
  ALTER TABLE review_cases ALTER COLUMN decision SET COMPRESSION lz4, ALTER COLUMN request SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 compression not available: decisions stay pglz-compressed';
END;
$$;
