-- A submitted application's decision lives on its review case (review_cases.decision), which the
-- officers read, the approval re-evaluation replaces and a resubmission updates. The copy on the
-- application was written on every submission and read by nothing: about 47 kB of JSON parsed and
-- stored twice per ten-person claim. The application keeps its amount and ruleset_version.
ALTER TABLE applications DROP COLUMN decision;
