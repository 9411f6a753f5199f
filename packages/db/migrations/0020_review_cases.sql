-- The officer workbench: one generic review case per claim (an enterprise application or a
-- screening finding), moved through its programme's and region's workflow (workflows are data in
-- packages/workflow/src/workflows). region_code is the future distribution key.

CREATE TABLE review_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text NOT NULL REFERENCES regions (code),
  programme text NOT NULL,
  -- the programme's variant where it has several (稳岗返还 general / sme / difficult; 以工代训 type)
  variant text,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  source text NOT NULL CHECK (source IN ('application', 'screening')),
  source_id text NOT NULL,
  workflow_id text NOT NULL,
  status text NOT NULL,
  title text NOT NULL,
  claim_month text CHECK (claim_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  headcount integer NOT NULL DEFAULT 0 CHECK (headcount >= 0),
  -- the evaluation request and the engine's Decision (each condition, citation and data)
  request jsonb,
  decision jsonb,
  -- where the money goes: { name, creditCode, bankName, accountNo, accountKind }
  payee jsonb,
  -- uploaded materials: [{ name, url }]
  materials jsonb NOT NULL DEFAULT '[]',
  -- the day the claim or the screening data arrived: start of the case-level time limit
  received_on date NOT NULL,
  step_entered_at timestamptz NOT NULL,
  step_due_on date,
  case_due_on date,
  -- shown to the enterprise: reason of a rejection, what to correct on a return
  outcome_reason text,
  -- payments: how many have been made (a 先预拨 settlement may add a top-up) and what was paid
  payment_no integer NOT NULL DEFAULT 1,
  paid_fen bigint NOT NULL DEFAULT 0,
  paid_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX review_cases_queue ON review_cases (region_code, status, step_due_on);
CREATE INDEX review_cases_enterprise ON review_cases (enterprise_id, programme);

-- A region and all regions below it (regions.parent_code), for "an officer sees their region and
-- its sub-regions" in SQL: WHERE region_code IN (SELECT region_scope($1)).
CREATE FUNCTION region_scope(root text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
  WITH RECURSIVE scope(code) AS (
    SELECT code FROM regions WHERE code = root
    UNION ALL
    SELECT r.code FROM regions r JOIN scope s ON r.parent_code = s.code
  )
  SELECT code FROM scope
$$;

-- A region and its ancestors, nearest first (for "the nearest fund account above a county").
CREATE FUNCTION region_ancestry(start text) RETURNS TABLE (code text, depth integer) LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up(code, parent_code, depth) AS (
    SELECT code, parent_code, 0 FROM regions WHERE code = start
    UNION ALL
    SELECT r.code, r.parent_code, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent_code
  )
  SELECT code, depth FROM up
$$;

-- Persons a case claims for, for duplicate checks across cases and regions (same person and
-- month, the same graduate twice, programmes that may not be stacked).
CREATE TABLE case_persons (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES review_cases (id),
  region_code text NOT NULL,
  person_key text NOT NULL,
  name text NOT NULL,
  role text NOT NULL DEFAULT 'trainee' CHECK (role IN ('trainee', 'graduate', 'employee')),
  month text CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  category text,
  amount_fen bigint
);
CREATE INDEX case_persons_case ON case_persons (case_id);
CREATE INDEX case_persons_key ON case_persons (person_key, month);

-- The case history as shown on the case page (the audit log holds the same facts, chained).
CREATE TABLE case_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES review_cases (id),
  region_code text NOT NULL,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_role text NOT NULL,
  actor_name text NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text,
  data jsonb
);
CREATE INDEX case_events_case ON case_events (case_id, id);
