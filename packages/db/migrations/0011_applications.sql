-- Online applications (以工代训补贴申报 and later programmes): the application with the unit
-- information as declared, its persons with the engine's amounts, attached materials, a status
-- timeline, and the invariants of the guide held by the database itself:
--   * one application per enterprise and subsidy month unless the earlier one was rejected
--     (also one subsidy type per month, 鲁人社函〔2020〕78号 四(三));
--   * at most 6 submitted applications per enterprise and year (操作指南 §4);
--   * a person is claimed by one enterprise per month.

CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme text NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  -- 企业所属区划: the district chosen on the form, which reviews the application (操作指南 §4)
  region_code text NOT NULL REFERENCES regions (code),
  subsidy_month text NOT NULL CHECK (subsidy_month ~ '^20[0-9]{2}-(0[1-9]|1[0-2])$'),
  subsidy_type text NOT NULL CHECK (subsidy_type IN ('absorption', 'epidemic_hardship', 'hard_hit_industry')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN (
    'draft',              -- 填报中: unit information saved, persons and materials being added
    'submitted',          -- 已提交
    'county_review',      -- 县级审核中
    'prefecture_review',  -- 市（州）级复审中
    'returned',           -- 退回修改: editable again by the enterprise
    'approved',           -- 审核通过
    'publicity',          -- 公示中
    'payment',            -- 拨付中
    'paid',               -- 已拨付
    'rejected',           -- 审核不通过: the month may be applied for again
    'withdrawn'           -- 已撤销 (a draft given up)
  )),
  -- unit information as declared for this application (维护补贴单位信息)
  unit_name text NOT NULL,
  credit_code text NOT NULL,
  legal_rep_name text,
  legal_rep_id_number text,
  bank_name text NOT NULL,
  bank_account_no text NOT NULL CHECK (bank_account_no ~ '^[0-9]{6,32}$'),
  contact_phone text NOT NULL,
  declared_size text NOT NULL CHECK (declared_size IN ('large', 'medium', 'small', 'micro')),
  -- size computed from employees, revenue and assets where given; differs → shown to the reviewer
  computed_size text CHECK (computed_size IN ('large', 'medium', 'small', 'micro')),
  size_note text,
  -- 所属行业: one of the five hard-hit industries of 鲁人社字〔2020〕63号 or 'other'
  industry text NOT NULL,
  training_description text NOT NULL,
  -- answers only some types or regions need: 困难企业认定指标, 划型行业 and figures, 经营范围变更日期 …
  details jsonb NOT NULL DEFAULT '{}',
  -- the engine's total at the last evaluation (fen); fixed at submission
  amount_fen bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  decision jsonb,
  ruleset_version text,
  approved_amount_fen bigint CHECK (approved_amount_fen >= 0),
  paid_on date,
  idempotency_key text,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX applications_one_per_month ON applications (programme, enterprise_id, subsidy_month)
  WHERE status NOT IN ('rejected', 'withdrawn');
CREATE UNIQUE INDEX applications_idempotency ON applications (enterprise_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX applications_region_status ON applications (region_code, status, submitted_at);
CREATE INDEX applications_enterprise ON applications (enterprise_id, subsidy_month);

-- Submitted applications per enterprise and year, kept by a trigger; the CHECK is the rule.
CREATE TABLE enterprise_application_years (
  programme text NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  year integer NOT NULL,
  applications integer NOT NULL DEFAULT 0,
  PRIMARY KEY (programme, enterprise_id, year),
  CONSTRAINT at_most_six_applications_per_year CHECK (applications BETWEEN 0 AND 6)
);

-- A person claimed for a month by a submitted (not rejected) application.
CREATE TABLE person_month_claims (
  programme text NOT NULL,
  person_id_number text NOT NULL,
  subsidy_month text NOT NULL,
  application_id uuid NOT NULL REFERENCES applications (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  region_code text NOT NULL,
  subsidy_type text NOT NULL,
  amount_fen bigint NOT NULL,
  CONSTRAINT one_enterprise_per_person_month PRIMARY KEY (programme, person_id_number, subsidy_month)
);
CREATE INDEX person_month_claims_application ON person_month_claims (application_id);
CREATE INDEX person_month_claims_enterprise ON person_month_claims (enterprise_id, subsidy_month);

CREATE FUNCTION applications_counted(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status NOT IN ('draft', 'rejected', 'withdrawn')
$$;

CREATE FUNCTION applications_keep_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND applications_counted(OLD.status)
     AND NOT (applications_counted(NEW.status) AND OLD.subsidy_month = NEW.subsidy_month) THEN
    UPDATE enterprise_application_years SET applications = applications - 1
     WHERE programme = OLD.programme AND enterprise_id = OLD.enterprise_id
       AND year = substr(OLD.subsidy_month, 1, 4)::integer;
  END IF;
  IF applications_counted(NEW.status)
     AND (TG_OP = 'INSERT' OR NOT applications_counted(OLD.status) OR OLD.subsidy_month <> NEW.subsidy_month) THEN
    INSERT INTO enterprise_application_years (programme, enterprise_id, year, applications)
    VALUES (NEW.programme, NEW.enterprise_id, substr(NEW.subsidy_month, 1, 4)::integer, 1)
    ON CONFLICT (programme, enterprise_id, year) DO UPDATE SET applications = enterprise_application_years.applications + 1;
  END IF;
  -- a rejected or withdrawn application frees its persons' months
  IF TG_OP = 'UPDATE' AND NEW.status IN ('rejected', 'withdrawn') AND OLD.status NOT IN ('rejected', 'withdrawn') THEN
    DELETE FROM person_month_claims WHERE application_id = NEW.id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER applications_counts AFTER INSERT OR UPDATE OF status, subsidy_month ON applications
  FOR EACH ROW EXECUTE FUNCTION applications_keep_counts();

CREATE TABLE application_persons (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications (id),
  region_code text NOT NULL,
  person_id_number text NOT NULL CHECK (person_id_number ~ '^[0-9]{17}[0-9X]$'),
  person_name text NOT NULL,
  person_category text NOT NULL,
  source text NOT NULL CHECK (source IN ('roster', 'manual', 'import')),
  spell_id uuid,
  hired_on date,
  employment_registered_on date,
  graduated_on date,
  dispatched boolean NOT NULL DEFAULT false,
  -- the engine's answer for this person at the last evaluation
  amount_fen bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  refusal text,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, id),
  CONSTRAINT one_row_per_person UNIQUE (application_id, person_id_number)
);

-- Materials: file kinds of 鲁人社字〔2020〕63号 政策细则 and 鲁人社函〔2020〕78号 三、四(四).
CREATE TABLE application_materials (
  application_id uuid NOT NULL REFERENCES applications (id),
  kind text NOT NULL CHECK (kind IN (
    'signed_roster',          -- 以工代训人员花名册（含承诺书）签字盖章扫描件
    'business_licence',       -- 营业执照（初次申领）
    'wage_statement',         -- 当月银行工资发放对账单
    'wage_statement_quarter', -- 上一季度工资发放银行对账单
    'wage_commitment',        -- 书面承诺及实际发放工资证明（78号 三）
    'dispatch_agreement',     -- 劳务派遣协议（附派遣人员名单）
    'other'
  )),
  file_id uuid NOT NULL REFERENCES stored_files (id),
  region_code text NOT NULL,
  attached_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, kind, file_id)
);

-- The status timeline shown by 【查询】: one row per step, written by the enterprise portal
-- (submitted) and by the officer workflow (reviews, publicity, payment).
CREATE TABLE application_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  region_code text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL,
  -- the office or person acting, as shown to the enterprise
  actor_id uuid,
  actor_role text NOT NULL,
  actor_name text NOT NULL,
  -- reviewer's reason on return or rejection; notes otherwise
  note text,
  amount_fen bigint,
  paid_on date
);
CREATE INDEX application_events_application ON application_events (application_id, id);

-- 以工代训培训计划申请表 (昌州人社发〔2020〕15号 四(一)): filed by the enterprise and approved
-- (审核备案) by the local bureau before the first monthly claim.
CREATE TABLE training_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme text NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  region_code text NOT NULL REFERENCES regions (code),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  month_from text NOT NULL CHECK (month_from ~ '^20[0-9]{2}-(0[1-9]|1[0-2])$'),
  month_until text NOT NULL CHECK (month_until ~ '^20[0-9]{2}-(0[1-9]|1[0-2])$'),
  planned_headcount integer NOT NULL CHECK (planned_headcount > 0),
  training_content text NOT NULL,
  training_method text NOT NULL,
  instructor text NOT NULL,
  contact_person text NOT NULL,
  contact_phone text NOT NULL,
  submitted_by uuid REFERENCES accounts (id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by uuid REFERENCES accounts (id),
  reviewed_at timestamptz,
  review_note text,
  CHECK (month_until >= month_from)
);
CREATE UNIQUE INDEX training_plans_one_open ON training_plans (programme, enterprise_id)
  WHERE status IN ('submitted', 'approved');
