import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Result,
  Select,
  Space,
  Steps,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { checkBankAccountNumber, checkCreditCode, checkPhoneNumber, checkResidentId } from '@wengang/kernel';
import { apiGet, apiSend, issuesOf, yuan, type FieldIssue } from '../api';
import { RequireEnterprise } from './EnterpriseHomePage';

interface Options {
  today: string;
  regions: { code: string; name: string; fullName: string; family: string; months: string[] }[];
  subsidyTypes: { value: string; label: string; regions: 'all' | 'changji' }[];
  sizes: { value: string; label: string }[];
  industries: { value: string; label: string }[];
  sizeIndustries: { value: string; label: string }[];
}

interface Application {
  id: string;
  status: string;
  statusLabel: string;
  editable: boolean;
  subsidyMonth: string;
  subsidyType: string;
  subsidyTypeLabel: string;
  regionCode: string;
  regionName: string;
  unit: {
    unitName: string;
    creditCode: string;
    legalRepName: string | null;
    legalRepIdNumberMasked: string | null;
    bankName: string;
    bankAccountMasked: string;
    contactPhone: string;
    declaredSize: string;
    declaredSizeLabel: string;
    sizeNote: string | null;
    sizeMismatch: boolean;
    industry: string;
    industryLabel: string;
    trainingDescription: string;
    sizeIndustry: string | null;
    employees: number | null;
    revenueFen: number | null;
    assetsFen: number | null;
  };
  details: Record<string, unknown>;
  amountFen: number;
  personCount: number;
  materials: { kind: string; label: string; fileId: string; originalName: string; sizeBytes: number; sha256: string }[];
  canAddManualPersons: boolean;
}

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/** A form rule running the kernel's check: the same words as the server. */
function kernelRule(label: string, check: (v: string) => { ok: boolean; message?: string }, required: boolean) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value || !value.trim()) {
        if (required) throw new Error(`请填写${label}`);
        return;
      }
      const r = check(value) as { ok: boolean; message?: string };
      if (!r.ok) throw new Error(`${label}有误：${r.message}`);
    },
  };
}

function useOptions(): Options | undefined {
  const [options, setOptions] = useState<Options>();
  useEffect(() => {
    void apiGet<Options>('/api/v1/work-for-training/options').then(setOptions);
  }, []);
  return options;
}

const toFen = (yuanValue: number | null | undefined) =>
  yuanValue === null || yuanValue === undefined ? null : Math.round(yuanValue * 100);
const toYuan = (fen: unknown) => (typeof fen === 'number' ? fen / 100 : undefined);

interface FormValues {
  unitName: string;
  creditCode: string;
  legalRepName?: string;
  legalRepIdNumber?: string;
  bankName: string;
  bankAccountNo?: string;
  contactPhone: string;
  declaredSize: string;
  industry: string;
  subsidyMonth: string;
  subsidyType: string;
  regionCode: string;
  trainingDescription: string;
  sizeIndustry?: string;
  employees?: number;
  revenueWan?: number;
  assetsWan?: number;
  industryScopeAddedOn?: dayjs.Dayjs;
  establishedOn?: dayjs.Dayjs;
  revenueYuan?: number;
  revenue2019Yuan?: number;
  electricityYuan?: number;
  electricity2019Yuan?: number;
  shutdownListed?: boolean;
  noOtherTrainingSubsidy?: boolean;
}

function toPayload(v: FormValues) {
  const wan = (x: number | undefined) => (x === undefined || x === null ? null : Math.round(x * 1_000_000));
  const indicators = {
    revenueFen: toFen(v.revenueYuan),
    revenue2019Fen: toFen(v.revenue2019Yuan),
    electricityFen: toFen(v.electricityYuan),
    electricity2019Fen: toFen(v.electricity2019Yuan),
  };
  const changji = v.regionCode?.startsWith('6523');
  return {
    unitName: v.unitName,
    creditCode: v.creditCode,
    legalRepName: v.legalRepName,
    legalRepIdNumber: v.legalRepIdNumber,
    bankName: v.bankName,
    bankAccountNo: v.bankAccountNo,
    contactPhone: v.contactPhone,
    declaredSize: v.declaredSize,
    industry: v.industry,
    subsidyMonth: v.subsidyMonth,
    subsidyType: v.subsidyType,
    regionCode: v.regionCode,
    trainingDescription: v.trainingDescription,
    sizeIndustry: v.sizeIndustry ?? null,
    employees: v.employees ?? null,
    revenueFen: wan(v.revenueWan),
    assetsFen: wan(v.assetsWan),
    details: {
      industryScopeAddedOn: v.industryScopeAddedOn ? v.industryScopeAddedOn.format('YYYY-MM-DD') : null,
      ...(v.establishedOn ? { establishedOn: v.establishedOn.format('YYYY-MM-DD') } : {}),
      ...(v.subsidyType === 'epidemic_hardship' ? { indicators } : {}),
      ...(changji && v.subsidyType === 'epidemic_hardship' ? { shutdownListed: Boolean(v.shutdownListed) } : {}),
      ...(changji ? { noOtherTrainingSubsidy: Boolean(v.noOtherTrainingSubsidy) } : {}),
    },
  };
}

/** Step 1: 维护补贴单位信息 (red asterisks as in the guide). */
function UnitForm({
  options,
  application,
  onSaved,
}: {
  options: Options;
  application?: Application;
  onSaved: (a: Application) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [onFile, setOnFile] = useState<{ id: string | null; account: string | null }>({ id: null, account: null });
  const regionCode = Form.useWatch('regionCode', form);
  const subsidyType = Form.useWatch('subsidyType', form);
  const industry = Form.useWatch('industry', form);
  const region = options.regions.find((r) => r.code === regionCode);
  const changji = Boolean(regionCode?.startsWith('6523'));

  useEffect(() => {
    if (application) {
      const u = application.unit;
      const d = application.details as {
        industryScopeAddedOn?: string | null;
        establishedOn?: string;
        indicators?: Record<string, number>;
        shutdownListed?: boolean;
        noOtherTrainingSubsidy?: boolean;
      };
      form.setFieldsValue({
        unitName: u.unitName,
        creditCode: u.creditCode,
        legalRepName: u.legalRepName ?? undefined,
        bankName: u.bankName,
        contactPhone: u.contactPhone,
        declaredSize: u.declaredSize,
        industry: u.industry,
        subsidyMonth: application.subsidyMonth,
        subsidyType: application.subsidyType,
        regionCode: application.regionCode,
        trainingDescription: u.trainingDescription,
        sizeIndustry: u.sizeIndustry ?? undefined,
        employees: u.employees ?? undefined,
        revenueWan: u.revenueFen === null ? undefined : u.revenueFen / 1_000_000,
        assetsWan: u.assetsFen === null ? undefined : u.assetsFen / 1_000_000,
        industryScopeAddedOn: d.industryScopeAddedOn ? dayjs(d.industryScopeAddedOn) : undefined,
        establishedOn: d.establishedOn ? dayjs(d.establishedOn) : undefined,
        revenueYuan: toYuan(d.indicators?.revenueFen),
        revenue2019Yuan: toYuan(d.indicators?.revenue2019Fen),
        electricityYuan: toYuan(d.indicators?.electricityFen),
        electricity2019Yuan: toYuan(d.indicators?.electricity2019Fen),
        shutdownListed: d.shutdownListed,
        noOtherTrainingSubsidy: d.noOtherTrainingSubsidy,
      });
      setOnFile({ id: u.legalRepIdNumberMasked, account: u.bankAccountMasked });
      return;
    }
    void apiGet<{
      profile: null | {
        unitName: string;
        creditCode: string;
        regionCode: string;
        legalRepName: string | null;
        legalRepIdNumberMasked: string | null;
        bankName: string | null;
        bankAccountMasked: string | null;
        contactPhone: string | null;
        declaredSize: string | null;
      };
    }>('/api/v1/work-for-training/profile').then(({ profile }) => {
      if (!profile) return;
      form.setFieldsValue({
        unitName: profile.unitName,
        creditCode: profile.creditCode,
        legalRepName: profile.legalRepName ?? undefined,
        bankName: profile.bankName ?? undefined,
        contactPhone: profile.contactPhone ?? undefined,
        declaredSize: profile.declaredSize ?? undefined,
        regionCode: options.regions.some((r) => r.code === profile.regionCode) ? profile.regionCode : undefined,
      });
      setOnFile({ id: profile.legalRepIdNumberMasked, account: profile.bankAccountMasked });
    });
  }, [application, form, options]);

  const onFinish = async (values: FormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = application
        ? await apiSend<Application>(
            'PUT',
            `/api/v1/work-for-training/applications/${application.id}`,
            toPayload(values),
          )
        : await apiSend<Application>('POST', '/api/v1/work-for-training/applications', toPayload(values));
      message.success('单位信息已保存，请录入补贴人员信息');
      onSaved(saved);
    } catch (e) {
      setError((e as Error).message);
      const fields = issuesOf(e).map((i: FieldIssue) => ({ name: i.path.split('.').at(-1)!, errors: [i.message] }));
      form.setFields(fields.filter((f) => f.name) as never);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
      <Typography.Paragraph type="secondary">
        红色星花为必填项。补贴本年度最多申请 6
        次；每个单位、每个补贴年月只能申请一次（审核不通过的可以再次申请）。企业所属区划选择了哪个区，就会推送到哪个区审核。
      </Typography.Paragraph>
      <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 300, flex: 1 } }}>
        <Form.Item
          label="单位名称"
          name="unitName"
          rules={[{ required: true, message: '请填写单位名称（与营业执照一致）' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          rules={[kernelRule('统一社会信用代码', checkCreditCode, true)]}
          validateTrigger="onBlur"
        >
          <Input maxLength={20} placeholder="18 位，见营业执照" />
        </Form.Item>
        <Form.Item label="法人姓名" name="legalRepName">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          label="法人身份证号码"
          name="legalRepIdNumber"
          rules={[kernelRule('法人身份证号码', (v) => checkResidentId(v, options.today), false)]}
          validateTrigger="onBlur"
          extra={onFile.id ? `已登记：${onFile.id}（不修改请留空）` : undefined}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          label="基本账户开户银行"
          name="bankName"
          rules={[{ required: true, message: '请填写基本账户开户银行' }]}
        >
          <Input maxLength={60} placeholder="基本账户开户银行" />
        </Form.Item>
        <Form.Item
          label="基本账户银行账号"
          name="bankAccountNo"
          required
          rules={[kernelRule('基本账户银行账号', checkBankAccountNumber, !onFile.account)]}
          validateTrigger="onBlur"
          extra={onFile.account ? `已登记：${onFile.account}（不修改请留空）` : '补贴拨付至该账户'}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          label="联系电话"
          name="contactPhone"
          rules={[kernelRule('联系电话', checkPhoneNumber, true)]}
          validateTrigger="onBlur"
        >
          <Input maxLength={20} placeholder="手机号或带区号的固定电话" />
        </Form.Item>
        <Form.Item label="企业规模" name="declaredSize" rules={[{ required: true, message: '请选择企业规模' }]}>
          <Select options={options.sizes} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="所属行业" name="industry" rules={[{ required: true, message: '请选择所属行业' }]}>
          <Select options={options.industries} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="企业所属区划" name="regionCode" rules={[{ required: true, message: '请选择企业所属区划' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="申请将推送至该区划审核"
            options={options.regions.map((r) => ({
              value: r.code,
              label: r.fullName.replace(/^山东省|^新疆维吾尔自治区/, ''),
            }))}
            onChange={() => form.setFieldValue('subsidyMonth', undefined)}
          />
        </Form.Item>
        <Form.Item label="补贴年月" name="subsidyMonth" rules={[{ required: true, message: '请选择补贴年月' }]}>
          <Select
            placeholder={region ? '请选择' : '请先选择企业所属区划'}
            options={(region?.months ?? []).map((m) => ({ value: m, label: monthLabel(m) }))}
          />
        </Form.Item>
        <Form.Item label="补贴类型" name="subsidyType" rules={[{ required: true, message: '请选择补贴类型' }]}>
          <Select
            placeholder="请选择"
            options={options.subsidyTypes
              .filter((t) => t.regions === 'all' || changji)
              .map((t) => ({ value: t.value, label: t.label }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        label="以工代训培训情况"
        name="trainingDescription"
        rules={[
          { required: true, message: '请填写以工代训培训情况' },
          { min: 10, message: '请至少写 10 个字：培训岗位、内容、方式、带教师傅、起止时间等' },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder="以工代训培训情况：培训岗位、内容、方式、带教师傅、起止时间等"
        />
      </Form.Item>
      {industry && industry !== 'other' ? (
        <Form.Item
          label="变更登记增加该行业经营范围的日期（未变更的不填）"
          name="industryScopeAddedOn"
          extra="2020年5月9日后变更登记增加上述行业经营范围的，不认定为该行业企业（鲁人社函〔2020〕78号 四（一））"
        >
          <DatePicker />
        </Form.Item>
      ) : null}
      {subsidyType === 'epidemic_hardship' ? (
        <Card size="small" title="困难企业认定指标（营业收入以提供给税务部门的数据为准）" style={{ marginBottom: 16 }}>
          <Space wrap>
            <Form.Item label="补贴月份当月营业收入（元）" name="revenueYuan">
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="2019年营业收入合计（元）" name="revenue2019Yuan">
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="当月电费（元）" name="electricityYuan">
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="2019年电费合计（元）" name="electricity2019Yuan">
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="成立日期（2019年成立的企业填写）" name="establishedOn">
              <DatePicker />
            </Form.Item>
          </Space>
          {changji ? (
            <Form.Item name="shutdownListed" valuePropName="checked">
              <Checkbox>本单位已列入当地人社、财政等部门明确的停产停工企业名单</Checkbox>
            </Form.Item>
          ) : null}
        </Card>
      ) : null}
      {changji ? (
        <Form.Item name="noOtherTrainingSubsidy" valuePropName="checked">
          <Checkbox>以工代训人员在补贴期内未同时享受其他类型的职业培训补贴（昌州人社发〔2020〕15号）</Checkbox>
        </Form.Item>
      ) : null}
      <Collapse
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'size',
            label: '企业规模核对（选填：填写后系统按《中小企业划型标准规定》核对，不一致将提示审核人员）',
            children: (
              <Space wrap>
                <Form.Item label="划型行业" name="sizeIndustry">
                  <Select allowClear options={options.sizeIndustries} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item label="从业人员（人）" name="employees">
                  <InputNumber min={0} precision={0} />
                </Form.Item>
                <Form.Item label="营业收入（万元）" name="revenueWan">
                  <InputNumber min={0} precision={2} />
                </Form.Item>
                <Form.Item label="资产总额（万元）" name="assetsWan">
                  <InputNumber min={0} precision={2} />
                </Form.Item>
              </Space>
            ),
          },
        ]}
      />
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        保存单位信息
      </Button>
    </Form>
  );
}

interface Person {
  id: string;
  seq: number;
  idNumberMasked: string;
  name: string;
  category: string;
  amountFen: number;
  refusal: string | null;
}

interface Candidate {
  spellId: string;
  idNumberMasked: string;
  name: string;
  category: string;
  insuredFrom: string;
  dispatched: boolean;
  alreadyAdded: boolean;
}

/** Step 2: 待申报人员 with 【增加企业在职职工】, 【增加人员】, import and 【导出以工代训人员花名册】. */
function PersonsPanel({ application, onChange }: { application: Application; onChange: () => void }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Person[]; total: number; totalFen: number }>({
    items: [],
    total: 0,
    totalFen: 0,
  });
  const [rosterOpen, setRosterOpen] = useState(false);
  const [manualOpen, setManualOpen] = useState(false);
  const [importErrors, setImportErrors] = useState<{ row: number; column: string; message: string }[] | null>(null);
  const base = `/api/v1/work-for-training/applications/${application.id}`;
  const load = useCallback(
    () =>
      apiGet<{ items: Person[]; total: number; totalFen: number }>(`${base}/persons?page=${page}&pageSize=10`).then(
        setData,
      ),
    [base, page],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const changed = async () => {
    await load();
    onChange();
  };
  const editable = application.editable;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        {editable && application.canAddManualPersons ? (
          <Button onClick={() => setManualOpen(true)}>增加人员</Button>
        ) : null}
        {editable ? (
          <Button type="primary" onClick={() => setRosterOpen(true)}>
            增加企业在职职工
          </Button>
        ) : null}
        {editable ? (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            customRequest={async ({ file }) => {
              const fd = new FormData();
              fd.append('file', file as Blob);
              try {
                const r = await apiSend<{ added: number }>('POST', `${base}/persons/import`, fd);
                setImportErrors(null);
                message.success(`已导入 ${r.added} 人`);
                await changed();
              } catch (e) {
                const body = (e as { body?: { errors?: { row: number; column: string; message: string }[] } }).body;
                setImportErrors(body?.errors ?? [{ row: 0, column: '', message: (e as Error).message }]);
              }
            }}
          >
            <Button>导入人员（.xlsx）</Button>
          </Upload>
        ) : null}
        {editable ? (
          <Typography.Link href="/api/v1/work-for-training/import-template.xlsx">下载导入模板</Typography.Link>
        ) : null}
        <Button href={`${base}/roster.pdf`} target="_blank">
          导出以工代训人员花名册
        </Button>
        <Typography.Link href={`${base}/roster.xlsx`}>花名册 .xlsx</Typography.Link>
      </Space>
      {importErrors ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportErrors(null)}
          style={{ marginBottom: 12 }}
          message={`导入失败：文件中有 ${importErrors.length} 处错误，未导入任何人员。请修改后重新导入`}
          description={
            <List
              size="small"
              dataSource={importErrors}
              renderItem={(e) => (
                <List.Item>
                  {e.row ? `第 ${e.row} 行${e.column ? `「${e.column}」` : ''}：${e.message}` : e.message}
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      <Typography.Title level={5}>待申报人员</Typography.Title>
      <Table<Person>
        rowKey="id"
        size="middle"
        dataSource={data.items}
        pagination={{
          current: page,
          pageSize: 10,
          total: data.total,
          onChange: setPage,
          showTotal: (total, range) => `${range[0]}-${range[1]} 共 ${total} 条`,
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 70 },
          { title: '身份证号', dataIndex: 'idNumberMasked' },
          { title: '姓名', dataIndex: 'name' },
          { title: '人员类别', dataIndex: 'category' },
          {
            title: '补贴金额',
            dataIndex: 'amountFen',
            render: (fen: number, p) =>
              p.refusal ? (
                <Space direction="vertical" size={0}>
                  <span>{fen / 100}</span>
                  <Typography.Text type="danger">不予补贴：{p.refusal}</Typography.Text>
                </Space>
              ) : (
                fen / 100
              ),
          },
          {
            title: '操作',
            render: (_, p) =>
              editable ? (
                <Popconfirm
                  title={`从待申报人员中移除 ${p.name}？`}
                  onConfirm={async () => {
                    await apiSend('DELETE', `${base}/persons/${p.id}`);
                    await changed();
                  }}
                >
                  <Button type="link" danger>
                    移除
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <Typography.Text strong aria-label="补贴合计">
        合计：{data.total} 人，补贴金额 {yuan(data.totalFen)} 元（由规则引擎按政策计算）
      </Typography.Text>
      <RosterModal open={rosterOpen} base={base} onClose={() => setRosterOpen(false)} onAdded={changed} />
      <ManualPersonModal open={manualOpen} base={base} onClose={() => setManualOpen(false)} onAdded={changed} />
    </div>
  );
}

function RosterModal({
  open,
  base,
  onClose,
  onAdded,
}: {
  open: boolean;
  base: string;
  onClose: () => void;
  onAdded: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [data, setData] = useState<{ items: Candidate[]; total: number }>({ items: [], total: 0 });
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    void apiGet<{ items: Candidate[]; total: number }>(
      `${base}/roster-candidates?page=${page}&pageSize=10&search=${encodeURIComponent(search)}`,
    ).then(setData);
  }, [open, page, search, base]);
  return (
    <Modal
      title="增加企业在职职工（本单位参保职工名单）"
      open={open}
      width={860}
      onCancel={onClose}
      okText={`添加所选（${selected.length}）`}
      okButtonProps={{ disabled: selected.length === 0, loading: busy }}
      onOk={async () => {
        setBusy(true);
        try {
          const r = await apiSend<{ added: number; totalFen: number }>('POST', `${base}/persons/roster`, {
            spellIds: selected,
          });
          message.success(`已添加 ${r.added} 人`);
          setSelected([]);
          await onAdded();
          onClose();
        } catch (e) {
          message.error((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Input.Search
        placeholder="按姓名或身份证号查找"
        allowClear
        onSearch={(v) => (setPage(1), setSearch(v))}
        style={{ marginBottom: 12 }}
      />
      <Table<Candidate>
        rowKey="spellId"
        size="small"
        dataSource={data.items}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (c) => ({ disabled: c.alreadyAdded, name: c.name }),
        }}
        pagination={{
          current: page,
          pageSize: 10,
          total: data.total,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 人`,
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'idNumberMasked' },
          { title: '人员类别', dataIndex: 'category' },
          { title: '参保时间', dataIndex: 'insuredFrom' },
          {
            title: '',
            render: (_, c) =>
              c.dispatched ? <Tag>劳务派遣</Tag> : c.alreadyAdded ? <Tag color="green">已添加</Tag> : null,
          },
        ]}
      />
    </Modal>
  );
}

function ManualPersonModal({
  open,
  base,
  onClose,
  onAdded,
}: {
  open: boolean;
  base: string;
  onClose: () => void;
  onAdded: () => Promise<void>;
}) {
  const [form] = Form.useForm<{ idNumber: string; name: string; dispatched?: boolean }>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  return (
    <Modal
      title="增加人员"
      open={open}
      onCancel={onClose}
      okText="添加"
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields();
        setError(undefined);
        try {
          await apiSend('POST', `${base}/persons/manual`, values);
          message.success(`已添加 ${values.name}`);
          form.resetFields();
          await onAdded();
          onClose();
        } catch (e) {
          setError((e as Error).message);
          form.setFields(issuesOf(e).map((i) => ({ name: i.path as 'idNumber', errors: [i.message] })));
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          label="身份证号"
          name="idNumber"
          rules={[kernelRule('身份证号', (v) => checkResidentId(v), true)]}
          validateTrigger="onBlur"
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="劳务派遣人员" name="dispatched" valuePropName="checked">
          <Switch />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} /> : null}
      </Form>
    </Modal>
  );
}

interface Preview {
  totalFen: number;
  eligiblePersons: number;
  refusedPersons: number;
  canSubmit: boolean;
  checks: { id: string; label: string; ok: boolean; level: 'error' | 'warning'; detail: string; source: string }[];
  materials: { kinds: string[]; label: string; required: boolean; satisfied: boolean; source: string }[];
}

/** Step 3: materials, the rules checked, the total from the engine, submission. */
function SubmitPanel({ application, onChange }: { application: Application; onChange: () => void }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<string>();
  const base = `/api/v1/work-for-training/applications/${application.id}`;
  const load = useCallback(() => apiGet<Preview>(`${base}/checks`).then(setPreview), [base]);
  useEffect(() => {
    void load();
  }, [load, application]);
  const upload = (kind: string) => async (file: Blob) => {
    const fd = new FormData();
    fd.append('file', file);
    try {
      const stored = await apiSend<{ id: string }>('POST', '/api/v1/files', fd);
      await apiSend('POST', `${base}/materials`, { kind, fileId: stored.id });
      message.success('已上传');
      onChange();
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  if (!preview) return null;
  return (
    <div>
      <Typography.Title level={5}>上传材料（PDF、JPG、PNG，单个文件 10 MB 以内）</Typography.Title>
      <List
        bordered
        dataSource={preview.materials}
        renderItem={(m) => {
          const files = application.materials.filter((f) => m.kinds.includes(f.kind));
          return (
            <List.Item
              actions={
                application.editable
                  ? m.kinds.map((kind) => (
                      <Upload
                        key={kind}
                        accept=".pdf,.jpg,.jpeg,.png"
                        showUploadList={false}
                        customRequest={({ file }) => void upload(kind)(file as Blob)}
                      >
                        <Button size="small">
                          {m.kinds.length > 1 ? (kind === 'wage_commitment' ? '上传书面承诺' : '上传对账单') : '上传'}
                        </Button>
                      </Upload>
                    ))
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {m.required ? <Typography.Text type="danger">*</Typography.Text> : null}
                    {m.label}
                    {m.satisfied ? <Tag color="green">已上传</Tag> : m.required ? <Tag color="red">未上传</Tag> : null}
                  </Space>
                }
                description={
                  files.map((f) => `${f.originalName}（SHA-256 ${f.sha256.slice(0, 12)}…）`).join('；') || m.source
                }
              />
            </List.Item>
          );
        }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        提交前检查
      </Typography.Title>
      <List
        size="small"
        dataSource={preview.checks}
        renderItem={(c) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Space>
                {c.ok ? (
                  <Tag color="green">通过</Tag>
                ) : c.level === 'warning' ? (
                  <Tag color="orange">提示</Tag>
                ) : (
                  <Tag color="red">未通过</Tag>
                )}
                <Typography.Text strong>{c.label}</Typography.Text>
              </Space>
              <Typography.Text>{c.detail}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                依据：{c.source}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Card style={{ marginTop: 16 }}>
        <Space direction="vertical">
          <Typography.Text strong style={{ fontSize: 18 }} aria-label="核定补贴金额">
            核定补贴金额：{yuan(preview.totalFen)} 元（{preview.eligiblePersons} 人）
          </Typography.Text>
          {error ? <Alert type="error" showIcon message={error} /> : null}
          {application.editable ? (
            <Button
              type="primary"
              size="large"
              disabled={!preview.canSubmit}
              onClick={() =>
                modal.confirm({
                  title: '确认提交申请？',
                  content: `补贴年月 ${monthLabel(application.subsidyMonth)}，核定补贴 ${yuan(preview.totalFen)} 元。提交后推送至${application.regionName}审核，申请不能再修改（退回修改的除外）。`,
                  okText: '确认提交',
                  onOk: async () => {
                    try {
                      await apiSend('POST', `${base}/submit`, { expectedTotalFen: preview.totalFen });
                      message.success('申请已提交');
                      navigate('/enterprise/work-for-training/progress');
                    } catch (e) {
                      setError((e as Error).message);
                      await load();
                    }
                  },
                })
              }
            >
              提交申请
            </Button>
          ) : (
            <Alert type="info" showIcon message={`该申请状态为「${application.statusLabel}」，已只读。`} />
          )}
        </Space>
      </Card>
    </div>
  );
}

/** 【办理】: continue an unfinished application or start a new one. */
export function ApplyPage() {
  const options = useOptions();
  const navigate = useNavigate();
  const [drafts, setDrafts] = useState<
    { id: string; subsidyMonth: string; subsidyTypeLabel: string; statusLabel: string; status: string }[]
  >([]);
  useEffect(() => {
    void apiGet<{ items: typeof drafts }>('/api/v1/work-for-training/applications').then((r) =>
      setDrafts(r.items.filter((a) => a.status === 'draft' || a.status === 'returned')),
    );
  }, []);
  return (
    <RequireEnterprise>
      <Typography.Title level={3}>企业稳岗扩岗专项支持计划-以工代训补贴申报</Typography.Title>
      {drafts.length ? (
        <Card size="small" title="未完成的申请" style={{ marginBottom: 16 }}>
          {drafts.map((d) => (
            <Button
              key={d.id}
              type="link"
              onClick={() => navigate(`/enterprise/work-for-training/applications/${d.id}`)}
            >
              {monthLabel(d.subsidyMonth)} {d.subsidyTypeLabel}（{d.statusLabel}）继续办理
            </Button>
          ))}
        </Card>
      ) : null}
      <Steps
        current={0}
        items={[{ title: '维护补贴单位信息' }, { title: '录入补贴人员信息' }, { title: '上传材料并提交' }]}
        style={{ marginBottom: 24 }}
      />
      <Card title="维护补贴单位信息">
        {options ? (
          <UnitForm
            options={options}
            onSaved={(a) => navigate(`/enterprise/work-for-training/applications/${a.id}?step=1`)}
          />
        ) : null}
      </Card>
    </RequireEnterprise>
  );
}

/** One application through its three steps (read-only once submitted). */
export function ApplicationPage() {
  const { id } = useParams();
  const options = useOptions();
  const [application, setApplication] = useState<Application>();
  const [error, setError] = useState<string>();
  const initialStep = useMemo(() => Number(new URLSearchParams(window.location.search).get('step') ?? '1'), []);
  const [step, setStep] = useState(initialStep);
  const load = useCallback(
    () =>
      apiGet<Application>(`/api/v1/work-for-training/applications/${id}`)
        .then(setApplication)
        .catch((e: Error) => setError(e.message)),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <Result status="404" title={error} />;
  if (!application || !options) return null;
  return (
    <RequireEnterprise>
      <Typography.Title level={3}>以工代训补贴申报</Typography.Title>
      <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="单位名称">{application.unit.unitName}</Descriptions.Item>
        <Descriptions.Item label="补贴年月">{monthLabel(application.subsidyMonth)}</Descriptions.Item>
        <Descriptions.Item label="补贴类型">{application.subsidyTypeLabel}</Descriptions.Item>
        <Descriptions.Item label="状态">{application.statusLabel}</Descriptions.Item>
      </Descriptions>
      {application.unit.sizeMismatch ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={application.unit.sizeNote} />
      ) : null}
      <Steps
        current={step}
        onChange={setStep}
        items={[{ title: '维护补贴单位信息' }, { title: '录入补贴人员信息' }, { title: '上传材料并提交' }]}
        style={{ marginBottom: 24 }}
      />
      <Card>
        {step === 0 ? (
          application.editable ? (
            <UnitForm
              options={options}
              application={application}
              onSaved={(a) => {
                setApplication(a);
                setStep(1);
              }}
            />
          ) : (
            <Descriptions column={2} bordered size="small">
              <Descriptions.Item label="统一社会信用代码">{application.unit.creditCode}</Descriptions.Item>
              <Descriptions.Item label="企业所属区划">{application.regionName}</Descriptions.Item>
              <Descriptions.Item label="基本账户开户银行">{application.unit.bankName}</Descriptions.Item>
              <Descriptions.Item label="基本账户银行账号">{application.unit.bankAccountMasked}</Descriptions.Item>
              <Descriptions.Item label="企业规模">{application.unit.declaredSizeLabel}</Descriptions.Item>
              <Descriptions.Item label="所属行业">{application.unit.industryLabel}</Descriptions.Item>
              <Descriptions.Item label="以工代训培训情况" span={2}>
                {application.unit.trainingDescription}
              </Descriptions.Item>
            </Descriptions>
          )
        ) : null}
        {step === 1 ? (
          <>
            <PersonsPanel application={application} onChange={() => void load()} />
            <div style={{ marginTop: 16 }}>
              <Button type="primary" onClick={() => setStep(2)}>
                下一步：上传材料并提交
              </Button>
            </div>
          </>
        ) : null}
        {step === 2 ? <SubmitPanel application={application} onChange={() => void load()} /> : null}
      </Card>
    </RequireEnterprise>
  );
}
