-- The screening sources' natural keys start with the unit (or the person) and end with the county
-- (region_code); the county scans are served by a BRIN index on region_code instead of the key's
-- prefix (docs/scale-out.md, “Key column order”).
--
-- Why: the key is built by a sort at every first load (the direct import drops the indexes and
-- builds them after COPY), and a sort on a first column with a dozen values compares every pair of
-- rows column after column. Led by the credit code or the person ID, the keys of a 1M / 10M
-- population took 0.61–0.66 of the CPU to build, BRIN indexes included (10.9M spells: 21–23 s
-- against 36–39 s).
--
-- What stays: region_code is still in every unique key (Citus enforces only keys that contain the
-- distribution column), the per-unit look-ups (region_code = $1 AND credit_code = $2) use the key,
-- and rows.ts's ORDER BY person_id, from_month is the spells' key order within a unit. The direct
-- load writes a county's rows together, so 16-page (128 KB) ranges each hold one or two counties.
-- autosummarize: ranges filled by later merges are summarized by autovacuum, not left to the next
-- VACUUM (an unsummarized range is read by every county's scan).

ALTER TABLE insured_units DROP CONSTRAINT insured_units_pkey, ADD PRIMARY KEY (credit_code, region_code);
-- the same columns as the new key
DROP INDEX insured_units_credit_code;
CREATE INDEX insured_units_region ON insured_units USING brin (region_code)
  WITH (pages_per_range = 16, autosummarize = on);

ALTER TABLE ui_spells DROP CONSTRAINT ui_spells_pkey,
  ADD PRIMARY KEY (credit_code, person_id, from_month, region_code);
CREATE INDEX ui_spells_region ON ui_spells USING brin (region_code) WITH (pages_per_range = 16, autosummarize = on);

ALTER TABLE ui_unit_contributions DROP CONSTRAINT ui_unit_contributions_pkey,
  ADD PRIMARY KEY (credit_code, year, region_code);
CREATE INDEX ui_unit_contributions_region ON ui_unit_contributions USING brin (region_code)
  WITH (pages_per_range = 16, autosummarize = on);

ALTER TABLE employment_registrations DROP CONSTRAINT employment_registrations_pkey,
  ADD PRIMARY KEY (credit_code, person_id, registered_on, region_code);
CREATE INDEX employment_registrations_region ON employment_registrations USING brin (region_code)
  WITH (pages_per_range = 16, autosummarize = on);

ALTER TABLE tax_monthly_indicators DROP CONSTRAINT tax_monthly_indicators_pkey,
  ADD PRIMARY KEY (credit_code, month, region_code);
CREATE INDEX tax_monthly_indicators_region ON tax_monthly_indicators USING brin (region_code)
  WITH (pages_per_range = 16, autosummarize = on);

ALTER TABLE unit_annual_accounts DROP CONSTRAINT unit_annual_accounts_pkey,
  ADD PRIMARY KEY (credit_code, year, region_code);
CREATE INDEX unit_annual_accounts_region ON unit_annual_accounts USING brin (region_code)
  WITH (pages_per_range = 16, autosummarize = on);

-- led by the person: the person_id index it replaces served the look-ups by person
ALTER TABLE person_registers DROP CONSTRAINT person_registers_pkey,
  ADD PRIMARY KEY (person_id, category, from_date, region_code);
DROP INDEX person_registers_person;
CREATE INDEX person_registers_region ON person_registers USING brin (region_code)
  WITH (pages_per_range = 16, autosummarize = on);
