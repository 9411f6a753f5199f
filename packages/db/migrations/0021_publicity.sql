-- 公示: lists published per region and batch for a period in working days; objections recorded
-- against a case reopen it; a case is released to payment only when its batch's period has ended
-- without an open objection (鲁人社字〔2020〕55号 第十四条: 不少于5个工作日).

CREATE TABLE publicity_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text NOT NULL REFERENCES regions (code),
  title text NOT NULL,
  period_working_days integer NOT NULL CHECK (period_working_days >= 1),
  published_on date NOT NULL,
  -- last working day of the period (自发布之日起); the cases are released from the next day on
  ends_on date NOT NULL CHECK (ends_on >= published_on),
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  created_by uuid,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  closed_at timestamptz
);
CREATE INDEX publicity_batches_region ON publicity_batches (region_code, published_on);

CREATE TABLE publicity_items (
  batch_id uuid NOT NULL REFERENCES publicity_batches (id),
  case_id uuid NOT NULL REFERENCES review_cases (id),
  region_code text NOT NULL,
  enterprise_name text NOT NULL,
  programme_name text NOT NULL,
  headcount integer NOT NULL,
  amount_fen bigint NOT NULL,
  -- masked only: [{ name: '张*', id: '3715**********1234' }]
  persons jsonb NOT NULL DEFAULT '[]',
  outcome text NOT NULL DEFAULT 'listed' CHECK (outcome IN ('listed', 'released', 'withdrawn')),
  PRIMARY KEY (batch_id, case_id)
);
-- a case is on at most one running list
CREATE UNIQUE INDEX publicity_items_one_listed ON publicity_items (case_id) WHERE outcome = 'listed';

CREATE TABLE publicity_objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id uuid NOT NULL REFERENCES publicity_batches (id),
  case_id uuid NOT NULL REFERENCES review_cases (id),
  region_code text NOT NULL,
  received_on date NOT NULL,
  objector text NOT NULL,
  content text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'resolved')),
  resolution text,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL,
  resolved_by uuid,
  resolved_at timestamptz
);
CREATE INDEX publicity_objections_case ON publicity_objections (case_id);
