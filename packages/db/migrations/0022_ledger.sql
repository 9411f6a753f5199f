-- Fund accounts with a double-entry, append-only ledger; payment batches with bank files and
-- imported results; recovery orders (追回). Amounts are integer fen; a line's amount is signed:
-- debit positive, credit negative; the lines of one entry sum to zero.

CREATE TABLE fund_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code text NOT NULL REFERENCES regions (code),
  fund text NOT NULL CHECK (fund IN ('unemployment_insurance', 'skills_account', 'employment_subsidy')),
  -- fund: the money held (基金/专账 in the 社会保障基金财政专户); county_expenditure: 县级支出户;
  -- subsidy_expense: what was paid out; recovery_receivable: what enterprises owe back;
  -- allocation_source: where allocations come from (计提、上级拨入)
  kind text NOT NULL CHECK (kind IN ('fund', 'county_expenditure', 'subsidy_expense', 'recovery_receivable', 'allocation_source')),
  name text NOT NULL,
  -- 建账资金规模 (专账) — the base of the 30% stop rule
  initial_scale_fen bigint CHECK (initial_scale_fen IS NULL OR initial_scale_fen > 0),
  created_at timestamptz NOT NULL,
  UNIQUE (region_code, fund, kind)
);

CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL,
  fund text NOT NULL,
  entry_date date NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('allocation', 'transfer', 'payment', 'transfer_return', 'recovery_order', 'repayment', 'deduction')),
  description text NOT NULL,
  ref_type text,
  ref_id text,
  -- the same business event can never be posted twice (retries, restarts, double clicks)
  idempotency_key text NOT NULL UNIQUE,
  actor_id uuid,
  actor_name text NOT NULL
);
CREATE INDEX ledger_entries_ref ON ledger_entries (ref_type, ref_id);

CREATE TABLE ledger_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id bigint NOT NULL REFERENCES ledger_entries (id),
  account_id uuid NOT NULL REFERENCES fund_accounts (id),
  region_code text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen <> 0)
);
CREATE INDEX ledger_lines_account ON ledger_lines (account_id);
CREATE INDEX ledger_lines_entry ON ledger_lines (entry_id);

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: post a correcting entry instead';
END;
$$;
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_lines_no_update BEFORE UPDATE OR DELETE ON ledger_lines
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- Checked at commit: every entry touched in the transaction balances and has at least two lines.
CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total bigint;
  n integer;
BEGIN
  SELECT coalesce(sum(amount_fen), 0), count(*) INTO total, n FROM ledger_lines WHERE entry_id = NEW.entry_id;
  IF total <> 0 OR n < 2 THEN
    RAISE EXCEPTION 'ledger entry % does not balance (sum %, % lines)', NEW.entry_id, total, n;
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ledger_lines_balanced AFTER INSERT ON ledger_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();

-- 按月监测失业保险基金运行状况 (鲁人社字〔2020〕63号 三(四)): the month's balance, the average monthly
-- expenditure and the capacity in months that the 稳岗返还 stop rules read from the next month on.
CREATE TABLE fund_monitoring (
  region_code text NOT NULL REFERENCES regions (code),
  fund text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  balance_fen bigint NOT NULL,
  avg_monthly_expenditure_fen bigint NOT NULL CHECK (avg_monthly_expenditure_fen > 0),
  capacity_months numeric(10, 2) NOT NULL,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (region_code, fund, month)
);

CREATE TABLE payment_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the paying agency's region, the fund paid from, the payment month and the batch number in it
  region_code text NOT NULL REFERENCES regions (code),
  fund text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  seq integer NOT NULL,
  status text NOT NULL CHECK (status IN ('exported', 'completed')),
  line_count integer NOT NULL,
  total_fen bigint NOT NULL,
  created_by uuid,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  UNIQUE (region_code, fund, month, seq)
);

CREATE TABLE payment_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id uuid NOT NULL REFERENCES payment_batches (id),
  line_no integer NOT NULL,
  case_id uuid NOT NULL REFERENCES review_cases (id),
  -- the case's region (distribution key) and the county the money flows through, if any
  region_code text NOT NULL,
  via_region_code text,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  payment_no integer NOT NULL,
  payee_name text NOT NULL,
  credit_code text NOT NULL,
  bank_name text NOT NULL,
  account_no text NOT NULL,
  account_kind text NOT NULL,
  gross_fen bigint NOT NULL CHECK (gross_fen > 0),
  deduction_fen bigint NOT NULL DEFAULT 0 CHECK (deduction_fen >= 0 AND deduction_fen <= gross_fen),
  amount_fen bigint NOT NULL CHECK (amount_fen = gross_fen - deduction_fen),
  purpose text NOT NULL,
  status text NOT NULL CHECK (status IN ('exported', 'paid', 'failed')),
  failure_reason text,
  paid_on date,
  bank_ref text,
  result_at timestamptz,
  UNIQUE (batch_id, line_no)
);
-- A case's payment (and a settlement's top-up) is on at most one line that is not failed:
-- no case can be paid twice, whatever crashes or retries happen.
CREATE UNIQUE INDEX payment_lines_once ON payment_lines (case_id, payment_no) WHERE status <> 'failed';
CREATE INDEX payment_lines_case ON payment_lines (case_id);

CREATE TABLE recovery_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES review_cases (id),
  region_code text NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  fund text NOT NULL,
  reason text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  -- repayment: the enterprise pays back; deduction: taken from its next refund (鲁人社字〔2020〕26号)
  method text NOT NULL CHECK (method IN ('repayment', 'deduction')),
  status text NOT NULL CHECK (status IN ('open', 'settled')),
  created_by uuid,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  settled_at timestamptz
);
CREATE INDEX recovery_orders_enterprise ON recovery_orders (enterprise_id, status);

CREATE TABLE recovery_settlements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES recovery_orders (id),
  region_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('repayment', 'deduction')),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payment_line_id uuid REFERENCES payment_lines (id),
  settled_on date NOT NULL,
  note text,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL,
  idempotency_key text NOT NULL UNIQUE
);
CREATE INDEX recovery_settlements_order ON recovery_settlements (order_id);
