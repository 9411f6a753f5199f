-- 免申即享 screening (issue 6): the provincial data the bureaus compare themselves — social-insurance
-- registry, insured-employment spells, contributions, employment registrations, graduates, epidemic
-- events, tax indicators, person registers, earlier benefits and suspicious-data lists — and the
-- import batches that load them. Layouts and codes: docs/data-import.md.
--
-- Distribution (Citus, docs/scale-out.md): the large tables carry region_code (the county where the
-- unit is insured, 参保地) as the distribution key, first in their primary keys, so every per-unit
-- join stays on one shard. Small, person- or county-keyed lists (graduates, epidemic events, benefit
-- standards) are reference tables. Key columns use the "C" collation: byte order, fast btrees.

-- 参保单位 (social-insurance unit registry, 单位参保登记 + tax-provided accounts + credit lists).
CREATE TABLE insured_units (
  region_code text COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  credit_code text COLLATE "C" NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  name text NOT NULL,
  -- GB/T 4754-2017 code: section letter + 2–4 digits (H62 餐饮业, F52 零售业 …)
  industry_code text COLLATE "C" NOT NULL CHECK (industry_code ~ '^[A-T][0-9]{2,4}$'),
  unit_type text NOT NULL CHECK (unit_type IN ('enterprise', 'social_organization', 'foundation', 'social_service_agency',
    'law_firm', 'accounting_firm', 'individual_business', 'government_or_public_institution', 'other')),
  labour_dispatch boolean NOT NULL DEFAULT false,
  -- 经营地 where it differs from 参保地 (市本级独立开户单位, 劳务派遣企业)
  operating_region_code text COLLATE "C" CHECK (operating_region_code ~ '^[0-9]{6}$'),
  -- size inputs (上年度) and the class the kernel derives from them (工信部联企业〔2011〕300号)
  employees integer CHECK (employees >= 0),
  revenue_fen bigint CHECK (revenue_fen >= 0),
  assets_fen bigint CHECK (assets_fen >= 0),
  size_class text CHECK (size_class IN ('large', 'medium', 'small', 'micro')),
  -- 基本存款账户 (the enterprise's designated corporate account) and the account the tax
  -- department provides (对公账户 / 社会保险费缴费账户)
  basic_account_bank text,
  basic_account_no text,
  tax_account_bank text,
  tax_account_no text,
  status text NOT NULL CHECK (status IN ('active', 'suspended', 'deregistered', 'revoked')),
  -- 进入破产程序且与职工解除劳动关系; 严重违法失信名单; “僵尸企业”名单; 不符合产业结构调整和环保政策
  bankruptcy boolean NOT NULL DEFAULT false,
  dishonest boolean NOT NULL DEFAULT false,
  zombie boolean NOT NULL DEFAULT false,
  policy_violation boolean NOT NULL DEFAULT false,
  PRIMARY KEY (region_code, credit_code)
);
CREATE UNIQUE INDEX insured_units_credit_code ON insured_units (credit_code, region_code);

-- 参保缴费记录 as spells: one person insured by one unit from a month to a month (失业保险).
CREATE TABLE ui_spells (
  region_code text COLLATE "C" NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  person_id text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{17}[0-9X]$'),
  from_month date NOT NULL CHECK (extract(day FROM from_month) = 1),
  -- last month paid; NULL while the spell is open
  to_month date CHECK (to_month IS NULL OR (extract(day FROM to_month) = 1 AND to_month >= from_month)),
  name text NOT NULL,
  -- 个人缴费状态: 1 正常缴费, 2 暂停缴费（中断）, 3 终止缴费
  ui_status text NOT NULL CHECK (ui_status IN ('1', '2', '3')),
  -- 减员原因 when the spell ended (see docs/data-import.md; 10, 11, 99 count as layoffs)
  end_reason text CHECK (end_reason ~ '^[0-9]{2}$'),
  PRIMARY KEY (region_code, credit_code, person_id, from_month)
);

-- 单位失业保险缴费（按年度）: what the collection agency (征缴机构) recorded for a year.
CREATE TABLE ui_unit_contributions (
  region_code text COLLATE "C" NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  unit_paid_fen bigint NOT NULL CHECK (unit_paid_fen >= 0),
  employees_paid_fen bigint NOT NULL CHECK (employees_paid_fen >= 0),
  -- months of the year paid in full (减免、批准缓缴的月份视同按时缴纳)
  months_paid integer NOT NULL CHECK (months_paid BETWEEN 0 AND 12),
  arrears_fen bigint NOT NULL DEFAULT 0 CHECK (arrears_fen >= 0),
  PRIMARY KEY (region_code, credit_code, year)
);

-- 就业登记 (with the labour contract recorded at registration / 劳动用工备案).
CREATE TABLE employment_registrations (
  region_code text COLLATE "C" NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  person_id text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{17}[0-9X]$'),
  registered_on date NOT NULL,
  contract_start date,
  contract_end date CHECK (contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start),
  PRIMARY KEY (region_code, credit_code, person_id, registered_on)
);

-- 普通高校毕业生 (education department / 学信网 list). Reference table in Citus.
CREATE TABLE graduates (
  person_id text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{17}[0-9X]$'),
  graduation_date date NOT NULL,
  -- 1 普通高等学校毕业证书; 2 成人高等教育; 3 高等教育自学考试; 4 网络教育; 9 其他
  diploma_type text NOT NULL CHECK (diploma_type IN ('1', '2', '3', '4', '9')),
  -- 文化程度: 11 研究生（博士）, 14 研究生（硕士）, 21 大学本科, 31 大学专科
  education_level text CHECK (education_level IN ('11', '14', '21', '31')),
  name text NOT NULL,
  school text,
  PRIMARY KEY (person_id, graduation_date, diploma_type)
);

-- 中高风险疫情区域、静态管理区域 (county, 2022 …). Reference table in Citus.
CREATE TABLE epidemic_events (
  region_code text COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  kind text NOT NULL CHECK (kind IN ('medium_high_risk_area', 'static_management')),
  area_name text NOT NULL,
  start_date date NOT NULL,
  -- days listed / under static management, both ends counted; required for static management
  days integer CHECK (days >= 1),
  CHECK (kind <> 'static_management' OR days IS NOT NULL),
  PRIMARY KEY (region_code, kind, area_name, start_date)
);

-- 税务部门提供的月度指标 (营业收入、电费、其他能源消耗量).
CREATE TABLE tax_monthly_indicators (
  region_code text COLLATE "C" NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  revenue_fen bigint NOT NULL CHECK (revenue_fen >= 0),
  electricity_fen bigint NOT NULL CHECK (electricity_fen >= 0),
  -- 与生产经营直接相关的其他能源消耗量 (tce ×1000, i.e. kilograms of standard coal)
  other_energy_kgce bigint NOT NULL CHECK (other_energy_kgce >= 0),
  PRIMARY KEY (region_code, credit_code, month)
);

-- 税务部门提供的年度财务数据 (营业收入、净利润、资产总额、负债总额, 鲁人社字〔2020〕26号 四(一)).
CREATE TABLE unit_annual_accounts (
  region_code text COLLATE "C" NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  revenue_fen bigint NOT NULL CHECK (revenue_fen >= 0),
  net_profit_fen bigint NOT NULL,
  total_assets_fen bigint NOT NULL CHECK (total_assets_fen >= 0),
  total_liabilities_fen bigint NOT NULL CHECK (total_liabilities_fen >= 0),
  PRIMARY KEY (region_code, credit_code, year)
);

-- 就业困难人员、零就业家庭成员、登记失业人员 … registers (region = where the person is registered).
CREATE TABLE person_registers (
  region_code text COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  category text NOT NULL CHECK (category IN ('hard_to_employ', 'zero_employment_household', 'registered_unemployed',
    'poverty_labour', 'disabled', 'veteran')),
  person_id text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{17}[0-9X]$'),
  from_date date NOT NULL,
  until_date date CHECK (until_date IS NULL OR until_date >= from_date),
  name text NOT NULL,
  PRIMARY KEY (region_code, category, person_id, from_date)
);
CREATE INDEX person_registers_person ON person_registers (person_id);

-- 月失业保险金标准 per county and year (上年末参保地标准, 困难企业稳岗返还). Reference table.
CREATE TABLE ui_benefit_standards (
  region_code text COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  monthly_fen bigint NOT NULL CHECK (monthly_fen > 0),
  PRIMARY KEY (region_code, year)
);

-- 已享受待遇记录 from earlier systems (自主申请 paid elsewhere, 一次性吸纳就业补贴 …) and
-- 以往年度违规领取且拒不退回 amounts (kind = owed).
CREATE TABLE benefit_records (
  region_code text COLLATE "C" NOT NULL,
  credit_code text COLLATE "C" NOT NULL,
  programme text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('paid', 'owed')),
  -- the person the benefit was for ('' for unit-level benefits: 稳岗返还, 留工培训补助)
  person_id text COLLATE "C" NOT NULL DEFAULT '',
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  -- 稳岗返还 general / sme / difficult; '' otherwise
  variant text NOT NULL DEFAULT '',
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  paid_on date,
  PRIMARY KEY (region_code, credit_code, programme, kind, person_id, year, variant)
);
CREATE INDEX benefit_records_person ON benefit_records (person_id, programme) WHERE person_id <> '';

-- One loaded (or refused) file.
CREATE TABLE import_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source text NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  -- loaded: every row was good; partial: good rows loaded on the operator's choice; rejected: nothing loaded
  status text NOT NULL CHECK (status IN ('loaded', 'partial', 'rejected')),
  rows_total integer NOT NULL,
  rows_invalid integer NOT NULL,
  inserted integer NOT NULL,
  updated integer NOT NULL,
  unchanged integer NOT NULL,
  actor text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL
);
CREATE INDEX import_batches_recent ON import_batches (started_at DESC);

-- The line-by-line report of a file's bad rows (the first 10,000; rows_invalid counts all).
CREATE TABLE import_errors (
  batch_id uuid NOT NULL REFERENCES import_batches (id),
  line integer NOT NULL,
  field text NOT NULL,
  value text,
  message text NOT NULL,
  PRIMARY KEY (batch_id, line, field)
);
