-- Screening runs as resumable jobs (issue 6): one run per programme, region and period, chunked by
-- county; findings (eligible units with amount, persons and the facts behind the explanation);
-- the cross-region graduate assignment; suspicious data sent down by higher levels (疑点数据) and
-- the verification tasks they open.

CREATE TABLE screening_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme text NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  period_from date NOT NULL,
  period_until date NOT NULL CHECK (period_until >= period_from),
  -- the rules as known on this date (amendments issued later are ignored); also the data issue date
  decision_date date NOT NULL,
  -- pending → running → handover → completed; failed and cancelled runs resume when started again
  status text NOT NULL CHECK (status IN ('pending', 'running', 'handover', 'completed', 'failed', 'cancelled')),
  cancel_requested boolean NOT NULL DEFAULT false,
  -- resolved parameter values with their citations, as used by the SQL (frozen at creation)
  parameters jsonb NOT NULL,
  ruleset_version text NOT NULL,
  chunks_total integer NOT NULL DEFAULT 0,
  chunks_done integer NOT NULL DEFAULT 0,
  units_total integer NOT NULL DEFAULT 0,
  units_done integer NOT NULL DEFAULT 0,
  found integer NOT NULL DEFAULT 0,
  found_fen bigint NOT NULL DEFAULT 0,
  handed_over integer NOT NULL DEFAULT 0,
  -- a worker holds the run while lease_until is in the future (heartbeat); a crashed worker's lease runs out
  lease_owner text,
  lease_until timestamptz,
  error text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  UNIQUE (programme, region_code, period_from, period_until)
);

CREATE TABLE screening_run_chunks (
  run_id uuid NOT NULL REFERENCES screening_runs (id),
  region_code text COLLATE "C" NOT NULL,
  -- units in the chunk when the run was planned (progress and time estimates)
  units integer NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'done')),
  found integer NOT NULL DEFAULT 0,
  found_fen bigint NOT NULL DEFAULT 0,
  seconds numeric(10, 3),
  finished_at timestamptz,
  PRIMARY KEY (run_id, region_code)
);

-- One eligible unit of a run. Distributed by region_code with the source tables.
CREATE TABLE screening_findings (
  region_code text COLLATE "C" NOT NULL,
  run_id uuid NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  programme text NOT NULL,
  -- 稳岗返还 general / sme / difficult; '' otherwise
  variant text NOT NULL DEFAULT '',
  unit_name text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  headcount integer NOT NULL,
  -- the persons behind the amount (graduates, insured employees of the trigger month)
  person_ids text[] NOT NULL DEFAULT '{}',
  -- the figures each condition was decided on; rendered with the run's parameters as the explanation
  facts jsonb NOT NULL,
  -- payable → handed_over (a review case is open, whose workflow then asks the enterprise to confirm
  -- where the documents require it); queued: found but not payable (queue_reason)
  status text NOT NULL CHECK (status IN ('payable', 'queued', 'handed_over')),
  queue_reason text CHECK (queue_reason IN ('no_account', 'deregistered', 'engine_mismatch')),
  case_id uuid,
  handed_over_at timestamptz,
  PRIMARY KEY (region_code, run_id, credit_code),
  CHECK ((status = 'queued') = (queue_reason IS NOT NULL))
);
CREATE INDEX screening_findings_run ON screening_findings (run_id, status);
CREATE INDEX screening_findings_case ON screening_findings (case_id) WHERE case_id IS NOT NULL;

-- 同一名高校毕业生只能由一户企业享受一次性扩岗补助: the one enterprise each graduate is assigned to
-- in a run, decided across all regions before the per-county chunks (a repartition step in Citus).
CREATE TABLE screening_graduate_assignments (
  run_id uuid NOT NULL,
  person_id text COLLATE "C" NOT NULL,
  region_code text COLLATE "C" NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  hire_date date NOT NULL,
  -- the figures the graduate qualified on (graduation, contract, registration, months paid …)
  facts jsonb NOT NULL,
  PRIMARY KEY (run_id, person_id)
);

-- 疑点数据: 部端比对下发的身份不实、跨省（区、市）重复享受等 (聊人社字〔2022〕32号 六(三)).
CREATE TABLE suspicious_records (
  issue_no text NOT NULL,
  seq integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('identity_false', 'cross_province_duplicate', 'other')),
  programme text NOT NULL,
  person_id text COLLATE "C" NOT NULL,
  person_name text NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  region_code text COLLATE "C" NOT NULL,
  -- the review case the record names (its id), when the higher level gives it
  case_ref text,
  detail text NOT NULL,
  issued_on date NOT NULL,
  PRIMARY KEY (issue_no, seq)
);

-- One verification task per suspicious record, on the case it names: ends confirmed (核实无误) or
-- with a recovery order (核实不符，追回).
CREATE TABLE verification_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issue_no text NOT NULL,
  seq integer NOT NULL,
  region_code text NOT NULL,
  case_id uuid,
  status text NOT NULL CHECK (status IN ('open', 'confirmed', 'recovery_ordered')),
  note text,
  recovery_fen bigint CHECK (recovery_fen > 0),
  recovery_order_id uuid,
  resolved_by text,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (issue_no, seq),
  CHECK ((status = 'recovery_ordered') = (recovery_fen IS NOT NULL))
);
CREATE INDEX verification_tasks_open ON verification_tasks (region_code, status);
