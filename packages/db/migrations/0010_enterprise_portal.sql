-- Enterprise portal foundations: sessions, one-time phone codes, login throttling, the unit
-- information an enterprise maintains (维护补贴单位信息), insured employment spells from the
-- social-insurance system, and uploaded files (stored outside the web root, content-hashed).

-- The unit information of 以工代训补贴申报操作指南 §4 that belongs to the enterprise rather than to one
-- application. Personal and account numbers are stored whole (reviewers need them) and masked on output.
ALTER TABLE enterprises
  ADD COLUMN legal_rep_name text,
  ADD COLUMN legal_rep_id_number text CHECK (legal_rep_id_number ~ '^[0-9]{17}[0-9X]$'),
  ADD COLUMN bank_name text,
  ADD COLUMN bank_account_no text CHECK (bank_account_no ~ '^[0-9]{6,32}$'),
  ADD COLUMN contact_phone text,
  -- optional figures for checking the declared size (工信部联企业〔2011〕300号)
  ADD COLUMN employees integer CHECK (employees >= 0),
  ADD COLUMN revenue_fen bigint CHECK (revenue_fen >= 0),
  ADD COLUMN assets_fen bigint CHECK (assets_fen >= 0),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Sessions: the cookie holds a random token; only its SHA-256 is stored. The CSRF token is
-- returned to the page and must come back in a header on every state-changing request.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- One-time codes sent to a mobile phone (registration, password reset). Only a hash is stored.
CREATE TABLE phone_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone text NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
  purpose text NOT NULL CHECK (purpose IN ('register', 'reset')),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  consumed_at timestamptz
);
CREATE INDEX phone_codes_phone ON phone_codes (phone, purpose, created_at DESC);

-- Failed logins per user name, for throttling across server processes.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username ON login_failures (username, at DESC);

-- Insured employment spells (社会保险参保记录) as the social-insurance system reports them, with
-- the 就业 categories known for the person (就业困难人员认定 etc.). Large: region_code is the
-- future distribution key.
CREATE TABLE insured_employment_spells (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  region_code text NOT NULL REFERENCES regions (code),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  person_id_number text NOT NULL CHECK (person_id_number ~ '^[0-9]{17}[0-9X]$'),
  person_name text NOT NULL,
  -- 就业困难人员, 零就业家庭成员, 离校两年内高校毕业生, 登记失业人员, 建档立卡贫困劳动力,
  -- 技工院校毕业生, or 企业在职职工 when none applies
  person_category text NOT NULL,
  -- 社保登记 (start of the insured spell) and 就业登记: the earlier is the hire date (鲁人社函〔2020〕78号 一)
  insured_from date NOT NULL,
  insured_until date,
  employment_registered_on date,
  graduated_on date,
  -- 劳务派遣: the worker is employed by a dispatch agency and works here
  dispatched boolean NOT NULL DEFAULT false,
  dispatch_agency text,
  PRIMARY KEY (region_code, id),
  CHECK (insured_until IS NULL OR insured_until >= insured_from)
);
CREATE INDEX insured_spells_enterprise ON insured_employment_spells (enterprise_id, insured_from);
CREATE INDEX insured_spells_person ON insured_employment_spells (person_id_number);

-- Uploaded files: the bytes live under the upload folder (named by SHA-256), never in the web root.
CREATE TABLE stored_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  region_code text NOT NULL REFERENCES regions (code),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  original_name text NOT NULL,
  uploaded_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_files_enterprise ON stored_files (enterprise_id, created_at DESC);
