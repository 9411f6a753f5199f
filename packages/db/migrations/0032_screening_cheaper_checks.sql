-- Screening import speed (issue 6): the same CHECK constraints on the large screening tables, written
-- without regular expressions. PostgreSQL runs a regex check once per stored row; on ten million
-- spells `person_id ~ '^[0-9]{17}[0-9X]$'` alone cost more than loading the rows. Each replacement
-- accepts exactly the same values:
--   x ~ '^[0-9]{N}$'            ⇔ octet_length(x) = N AND ltrim(x, '0123456789') = ''
--   x ~ '^[0-9]{17}[0-9X]$'     ⇔ octet_length(x) = 18 AND ltrim(x, '0123456789') IN ('', 'X')
--   x ~ '^[ALPHABET]{18}$'      ⇔ octet_length(x) = 18 AND ltrim(x, 'ALPHABET') = ''
--   x ~ '^[A-T][0-9]{2,4}$'     ⇔ octet_length(x) BETWEEN 3 AND 5 AND left(x, 1) BETWEEN 'A' AND 'T'
--                                  AND ltrim(substr(x, 2), '0123456789') = ''   (column collation "C")
-- (ltrim strips leading characters of the set; octet_length counts bytes, so a multi-byte character
-- never passes), and extract(day …) = 1, which computes a numeric, becomes date_part('day', …) = 1.

ALTER TABLE insured_units
  DROP CONSTRAINT insured_units_region_code_check,
  DROP CONSTRAINT insured_units_credit_code_check,
  DROP CONSTRAINT insured_units_industry_code_check,
  DROP CONSTRAINT insured_units_operating_region_code_check,
  ADD CONSTRAINT insured_units_region_code_check
    CHECK (octet_length(region_code) = 6 AND ltrim(region_code, '0123456789') = ''),
  ADD CONSTRAINT insured_units_credit_code_check
    CHECK (octet_length(credit_code) = 18 AND ltrim(credit_code, '0123456789ABCDEFGHJKLMNPQRTUWXY') = ''),
  ADD CONSTRAINT insured_units_industry_code_check
    CHECK (octet_length(industry_code) BETWEEN 3 AND 5 AND left(industry_code, 1) BETWEEN 'A' AND 'T'
           AND ltrim(substr(industry_code, 2), '0123456789') = ''),
  ADD CONSTRAINT insured_units_operating_region_code_check
    CHECK (octet_length(operating_region_code) = 6 AND ltrim(operating_region_code, '0123456789') = '');

ALTER TABLE ui_spells
  DROP CONSTRAINT ui_spells_person_id_check,
  DROP CONSTRAINT ui_spells_from_month_check,
  DROP CONSTRAINT ui_spells_check,
  DROP CONSTRAINT ui_spells_end_reason_check,
  ADD CONSTRAINT ui_spells_person_id_check
    CHECK (octet_length(person_id) = 18 AND ltrim(person_id, '0123456789') IN ('', 'X')),
  ADD CONSTRAINT ui_spells_from_month_check CHECK (date_part('day', from_month) = 1),
  ADD CONSTRAINT ui_spells_check
    CHECK (to_month IS NULL OR (date_part('day', to_month) = 1 AND to_month >= from_month)),
  ADD CONSTRAINT ui_spells_end_reason_check
    CHECK (octet_length(end_reason) = 2 AND ltrim(end_reason, '0123456789') = '');

ALTER TABLE employment_registrations
  DROP CONSTRAINT employment_registrations_person_id_check,
  ADD CONSTRAINT employment_registrations_person_id_check
    CHECK (octet_length(person_id) = 18 AND ltrim(person_id, '0123456789') IN ('', 'X'));

ALTER TABLE graduates
  DROP CONSTRAINT graduates_person_id_check,
  ADD CONSTRAINT graduates_person_id_check
    CHECK (octet_length(person_id) = 18 AND ltrim(person_id, '0123456789') IN ('', 'X'));

ALTER TABLE epidemic_events
  DROP CONSTRAINT epidemic_events_region_code_check,
  ADD CONSTRAINT epidemic_events_region_code_check
    CHECK (octet_length(region_code) = 6 AND ltrim(region_code, '0123456789') = '');

ALTER TABLE tax_monthly_indicators
  DROP CONSTRAINT tax_monthly_indicators_month_check,
  ADD CONSTRAINT tax_monthly_indicators_month_check CHECK (date_part('day', month) = 1);

ALTER TABLE person_registers
  DROP CONSTRAINT person_registers_person_id_check,
  DROP CONSTRAINT person_registers_region_code_check,
  ADD CONSTRAINT person_registers_person_id_check
    CHECK (octet_length(person_id) = 18 AND ltrim(person_id, '0123456789') IN ('', 'X')),
  ADD CONSTRAINT person_registers_region_code_check
    CHECK (octet_length(region_code) = 6 AND ltrim(region_code, '0123456789') = '');

ALTER TABLE ui_benefit_standards
  DROP CONSTRAINT ui_benefit_standards_region_code_check,
  ADD CONSTRAINT ui_benefit_standards_region_code_check
    CHECK (octet_length(region_code) = 6 AND ltrim(region_code, '0123456789') = '');
