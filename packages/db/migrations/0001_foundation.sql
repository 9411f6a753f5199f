-- Foundation: regions, the agency directory, enterprises and user accounts.
-- Written to the PostgreSQL 15 subset so that it runs identically on PGlite and on a server.

CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name text NOT NULL,
  full_name text NOT NULL,
  level text NOT NULL CHECK (level IN ('national', 'province', 'prefecture', 'county')),
  parent_code text REFERENCES regions (code),
  -- false for local codes of functional areas (开发区 …) that GB/T 2260 does not list
  official boolean NOT NULL DEFAULT true
);

-- 经办机构、服务电话 (聊人社字〔2020〕58号 附件1): published so enterprises know whom to call.
CREATE TABLE agency_contacts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_line text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  region_label text NOT NULL,
  department text NOT NULL,
  contact_name text NOT NULL,
  title text NOT NULL,
  phone text NOT NULL,
  source text NOT NULL,
  UNIQUE (business_line, region_code)
);

CREATE TABLE enterprises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  credit_code text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  name text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  industry text,
  declared_size text CHECK (declared_size IN ('large', 'medium', 'small', 'micro')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprises_region ON enterprises (region_code);

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- enterprise users log in with their mobile number; officers with a staff user name
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('enterprise', 'county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor')),
  region_code text REFERENCES regions (code),
  enterprise_id uuid REFERENCES enterprises (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- officers act only within their region; enterprise users may register before their unit exists
  CHECK (role = 'enterprise' OR region_code IS NOT NULL),
  CHECK (role <> 'enterprise' OR username ~ '^1[3-9][0-9]{9}$')
);
