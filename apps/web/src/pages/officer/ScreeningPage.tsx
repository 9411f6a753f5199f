/**
 * 免申即享数据筛查: start a screening run for a programme, region and period and follow its progress
 * (bar and estimated time), read what it found — each unit with the explanation of every condition
 * and its policy citation, the queue of units found but not payable, found vs paid — import data
 * files with their line-by-line report, and close the verification tasks of suspicious data.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { apiSend } from '../../api';
import { ErrorAlert, money, OfficerShell, time, useApi } from './common';

interface Programme {
  id: string;
  name: string;
  regions: string[];
  periods: { from: string; until: string; region: string }[];
}

interface Run {
  id: string;
  programme: string;
  programmeName: string;
  regionCode: string;
  periodFrom: string;
  periodUntil: string;
  decisionDate: string;
  status: 'pending' | 'running' | 'handover' | 'completed' | 'failed' | 'cancelled';
  cancelRequested: boolean;
  chunksTotal: number;
  chunksDone: number;
  unitsTotal: number;
  unitsDone: number;
  found: number;
  foundFen: number;
  handedOver: number;
  progress: number;
  etaSeconds: number | null;
  notes: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface CountFen {
  count: number;
  fen: number;
}

interface Summary {
  found: CountFen;
  payable: CountFen;
  queued: (CountFen & { reason: string; label: string })[];
  handedOver: CountFen;
  cases: (CountFen & { kind: string; label: string })[];
  paid: CountFen;
  chunks: {
    region: string;
    name: string;
    units: number;
    status: string;
    found: number;
    foundFen: number;
    seconds: number | null;
  }[];
}

interface Cite {
  doc: string;
  clause: string;
  file: string;
  line: unknown;
  issued: string;
}

interface Finding {
  regionCode: string;
  regionName: string;
  creditCode: string;
  unitName: string;
  variant: string;
  amountFen: number;
  headcount: number;
  personCount: number;
  status: 'payable' | 'queued' | 'handed_over';
  queueLabel: string | null;
  caseId: string | null;
  caseStatusLabel: string | null;
  explanation: {
    conditions: {
      id: string;
      label: string;
      result: 'pass' | 'fail' | 'not_applicable';
      cite: Cite;
      detail: string;
      personId?: string;
    }[];
    formula: string;
    notes: string[];
  };
}

const statusTags: Record<Run['status'], { color: string; label: string }> = {
  pending: { color: 'default', label: '待开始' },
  running: { color: 'processing', label: '筛查中' },
  handover: { color: 'processing', label: '移交审核中' },
  completed: { color: 'success', label: '已完成' },
  failed: { color: 'error', label: '失败' },
  cancelled: { color: 'warning', label: '已取消' },
};

const variantLabels: Record<string, string> = {
  general: '一般企业',
  sme: '中小微企业（提高标准）',
  difficult: '困难企业',
};

function eta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `预计剩余 ${seconds} 秒`;
  return `预计剩余 ${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`;
}

const citeText = (c: Cite) =>
  `${c.doc} ${c.clause}（${c.file} 第 ${Array.isArray(c.line) ? c.line.join('–') : String(c.line)} 行）`;

function RunProgress({ run }: { run: Run }) {
  const percent = Math.round(run.progress * 100);
  return (
    <Space direction="vertical" size={0} style={{ width: '100%' }}>
      <Progress
        percent={percent}
        size="small"
        status={run.status === 'failed' ? 'exception' : run.status === 'completed' ? 'success' : 'active'}
        aria-label="筛查进度"
      />
      <Typography.Text type="secondary">
        {run.chunksDone}/{run.chunksTotal} 县（市、区）{run.status === 'running' ? ` · ${eta(run.etaSeconds)}` : ''}
      </Typography.Text>
    </Space>
  );
}

function StartForm({ regionCode, onStarted }: { regionCode: string; onStarted: (run: Run) => void }) {
  const { data: programmes } = useApi<Programme[]>('/api/v1/screening/programmes');
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const programme = Form.useWatch('programme', form) as string | undefined;
  useEffect(() => {
    const p = programmes?.find((x) => x.id === programme);
    const period = p?.periods[0];
    if (period) form.setFieldsValue({ from: period.from, until: period.until });
  }, [programme, programmes, form]);
  return (
    <Card title="发起数据筛查" size="small">
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="inline"
        initialValues={{ region: regionCode }}
        onFinish={async (v: {
          programme: string;
          region: string;
          from: string;
          until: string;
          decisionDate?: string;
        }) => {
          setError(undefined);
          try {
            const r = await apiSend<{ run: Run; created: boolean }>('POST', '/api/v1/screening/runs', {
              programme: v.programme,
              region: v.region,
              period: { from: v.from, until: v.until },
              ...(v.decisionDate ? { decisionDate: v.decisionDate } : {}),
            });
            onStarted(r.run);
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        <Form.Item name="programme" label="补贴项目" rules={[{ required: true, message: '请选择补贴项目' }]}>
          <Select
            style={{ width: 220 }}
            placeholder="选择补贴项目"
            aria-label="补贴项目"
            options={(programmes ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item
          name="region"
          label="区划代码"
          rules={[{ required: true, pattern: /^\d{6}$/, message: '6位区划代码' }]}
        >
          <Input style={{ width: 100 }} aria-label="区划代码" />
        </Form.Item>
        <Form.Item
          name="from"
          label="期间自"
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
        >
          <Input style={{ width: 120 }} placeholder="YYYY-MM-DD" aria-label="期间自" />
        </Form.Item>
        <Form.Item
          name="until"
          label="至"
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
        >
          <Input style={{ width: 120 }} placeholder="YYYY-MM-DD" aria-label="期间至" />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label="数据下发（决定）日期"
          rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
        >
          <Input style={{ width: 120 }} placeholder="默认期间末日" aria-label="决定日期" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            开始筛查
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function RunsTab({ regionCode }: { regionCode: string }) {
  const navigate = useNavigate();
  const { data, error, reload } = useApi<Run[]>('/api/v1/screening/runs');
  const active = data?.some((r) => ['pending', 'running', 'handover'].includes(r.status));
  useEffect(() => {
    if (!active) return;
    const t = setInterval(reload, 1500);
    return () => clearInterval(t);
  }, [active, reload]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <StartForm regionCode={regionCode} onStarted={(run) => navigate(`/officer/screening/runs/${run.id}`)} />
      <ErrorAlert error={error} />
      <Table<Run>
        rowKey="id"
        size="small"
        dataSource={data ?? []}
        pagination={false}
        columns={[
          {
            title: '筛查任务',
            key: 'title',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/officer/screening/runs/${r.id}`}>{r.programmeName}</Link>
                <Typography.Text type="secondary">
                  {r.regionCode} · {r.periodFrom} 至 {r.periodUntil}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Run['status']) => <Tag color={statusTags[s].color}>{statusTags[s].label}</Tag>,
          },
          { title: '进度', key: 'progress', width: 260, render: (_, r) => <RunProgress run={r} /> },
          { title: '发现', key: 'found', align: 'right', render: (_, r) => `${r.found} 户 ${money(r.foundFen)}` },
          { title: '已移交', dataIndex: 'handedOver', align: 'right' },
          { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => time(v) },
        ]}
      />
    </Space>
  );
}

function Explanation({ f }: { f: Finding }) {
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text strong>计算：{f.explanation.formula}</Typography.Text>
      <List
        size="small"
        bordered
        dataSource={f.explanation.conditions}
        renderItem={(c) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Space>
                <Tag color={c.result === 'pass' ? 'green' : c.result === 'fail' ? 'red' : 'default'}>
                  {c.result === 'pass' ? '符合' : c.result === 'fail' ? '不符合' : '不适用'}
                </Tag>
                <Typography.Text>{c.label}</Typography.Text>
              </Space>
              <Typography.Text>{c.detail}</Typography.Text>
              <Typography.Text type="secondary">依据：{citeText(c.cite)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {f.explanation.notes.map((n) => (
        <Typography.Text key={n} type="secondary">
          {n}
        </Typography.Text>
      ))}
    </Space>
  );
}

function Findings({ runId, status }: { runId: string; status: 'handed_over' | 'payable' | 'queued' }) {
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const { data, error } = useApi<{ total: number; rows: Finding[] }>(
    `/api/v1/screening/runs/${runId}/findings?status=${status}&limit=20&offset=${(page - 1) * 20}${search ? `&search=${encodeURIComponent(search)}` : ''}`,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Input.Search
        placeholder="统一社会信用代码或单位名称"
        allowClear
        onSearch={(v) => (setSearch(v), setPage(1))}
        style={{ maxWidth: 360 }}
      />
      <Table<Finding>
        rowKey="creditCode"
        size="small"
        dataSource={data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 户`,
        }}
        expandable={{ expandedRowRender: (f) => <Explanation f={f} />, expandRowByClick: true }}
        columns={[
          {
            title: '单位',
            key: 'unit',
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <Typography.Text>{f.unitName}</Typography.Text>
                <Typography.Text type="secondary">
                  {f.creditCode} · {f.regionName}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '类型', dataIndex: 'variant', render: (v: string) => (v ? (variantLabels[v] ?? v) : '—') },
          { title: '人数', dataIndex: 'headcount', align: 'right' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => money(v) },
          {
            title: '状态',
            key: 'state',
            render: (_, f) =>
              f.status === 'handed_over' ? (
                <Space>
                  <Tag color="blue">{f.caseStatusLabel ?? '已移交'}</Tag>
                  {f.caseId ? <Link to={`/officer/cases/${f.caseId}`}>查看案件</Link> : null}
                </Space>
              ) : f.status === 'queued' ? (
                <Tag color="orange">{f.queueLabel}</Tag>
              ) : (
                <Tag>待移交</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}

export function ScreeningRunPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { data, error, reload } = useApi<{ run: Run; summary: Summary }>(`/api/v1/screening/runs/${id}`);
  const active = data && ['pending', 'running', 'handover'].includes(data.run.status);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(reload, 1000);
    return () => clearInterval(t);
  }, [active, reload]);
  return (
    <OfficerShell title="免申即享筛查结果">
      {() =>
        !data ? (
          <ErrorAlert error={error} />
        ) : (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              title={`${data.run.programmeName} · ${data.run.regionCode} · ${data.run.periodFrom} 至 ${data.run.periodUntil}`}
              extra={
                <Space>
                  <Tag color={statusTags[data.run.status].color}>{statusTags[data.run.status].label}</Tag>
                  {active ? (
                    <Button
                      danger
                      onClick={async () => {
                        await apiSend('POST', `/api/v1/screening/runs/${data.run.id}/cancel`).catch((e: Error) =>
                          message.error(e.message),
                        );
                        reload();
                      }}
                    >
                      取消
                    </Button>
                  ) : null}
                  <Link to="/officer/screening">返回任务列表</Link>
                </Space>
              }
            >
              <RunProgress run={data.run} />
              {data.run.notes.map((n) => (
                <Alert key={n} type="warning" showIcon message={n} style={{ marginTop: 8 }} />
              ))}
              {data.run.error ? (
                <Alert type="error" showIcon message={data.run.error} style={{ marginTop: 8 }} />
              ) : null}
              <Space size="large" wrap style={{ marginTop: 16 }}>
                <Statistic title="发现符合条件" value={`${data.summary.found.count} 户`} />
                <Statistic title="发现金额" value={money(data.summary.found.fen)} />
                <Statistic title="已移交审核" value={`${data.summary.handedOver.count} 户`} />
                <Statistic title="暂不能发放" value={`${data.summary.queued.reduce((s, q) => s + q.count, 0)} 户`} />
                <Statistic title="已拨付" value={`${data.summary.paid.count} 户 ${money(data.summary.paid.fen)}`} />
              </Space>
              <Descriptions size="small" column={2} style={{ marginTop: 16 }}>
                <Descriptions.Item label="决定日期（数据下发）">{data.run.decisionDate}</Descriptions.Item>
                <Descriptions.Item label="参保单位">
                  {data.run.unitsDone}/{data.run.unitsTotal}
                </Descriptions.Item>
                {data.summary.cases.map((c) => (
                  <Descriptions.Item key={c.kind} label={`案件：${c.label}`}>
                    {c.count} 件 {money(c.fen)}
                  </Descriptions.Item>
                ))}
                {data.summary.queued.map((q) => (
                  <Descriptions.Item key={q.reason} label={`暂不能发放：${q.label}`}>
                    {q.count} 户 {money(q.fen)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            <Card size="small">
              <Tabs
                items={[
                  {
                    key: 'handed_over',
                    label: '已移交审核',
                    children: <Findings runId={data.run.id} status="handed_over" />,
                  },
                  { key: 'queued', label: '暂不能发放', children: <Findings runId={data.run.id} status="queued" /> },
                  { key: 'payable', label: '待移交', children: <Findings runId={data.run.id} status="payable" /> },
                  {
                    key: 'chunks',
                    label: '分县进度',
                    children: (
                      <Table
                        rowKey="region"
                        size="small"
                        pagination={false}
                        dataSource={data.summary.chunks}
                        columns={[
                          { title: '县（市、区）', key: 'n', render: (_, c) => `${c.name}（${c.region}）` },
                          { title: '参保单位', dataIndex: 'units', align: 'right' },
                          {
                            title: '状态',
                            dataIndex: 'status',
                            render: (s: string) => (s === 'done' ? <Tag color="green">完成</Tag> : <Tag>待处理</Tag>),
                          },
                          {
                            title: '发现',
                            key: 'f',
                            align: 'right',
                            render: (_, c) => `${c.found} 户 ${money(c.foundFen)}`,
                          },
                          {
                            title: '用时',
                            dataIndex: 'seconds',
                            align: 'right',
                            render: (s: number | null) => (s === null ? '—' : `${s.toFixed(2)} 秒`),
                          },
                        ]}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          </Space>
        )
      }
    </OfficerShell>
  );
}

interface Source {
  id: string;
  title: string;
  description: string;
  columns: { header: string; code: string | null; required: boolean }[];
}

interface ImportReport {
  title: string;
  fileName: string;
  status: 'loaded' | 'partial' | 'rejected';
  rowsTotal: number;
  rowsInvalid: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; field: string; value: string | null; message: string }[];
  tasksOpened?: number;
}

function ImportTab() {
  const { data: sources } = useApi<Source[]>('/api/v1/screening/sources');
  const [source, setSource] = useState<string>('units');
  const [loadValid, setLoadValid] = useState(false);
  const [encoding, setEncoding] = useState<'utf-8' | 'gb18030'>('utf-8');
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const layout = useMemo(() => sources?.find((s) => s.id === source), [sources, source]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 260 }}
          value={source}
          onChange={setSource}
          aria-label="数据来源"
          options={(sources ?? []).map((s) => ({ value: s.id, label: s.title }))}
        />
        <Select
          style={{ width: 140 }}
          value={encoding}
          onChange={setEncoding}
          aria-label="文件编码"
          options={[
            { value: 'utf-8', label: 'UTF-8' },
            { value: 'gb18030', label: 'GBK / GB18030' },
          ]}
        />
        <Checkbox checked={loadValid} onChange={(e) => setLoadValid(e.target.checked)}>
          有错误行时仍导入正确行
        </Checkbox>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={async (file) => {
            setBusy(true);
            setError(undefined);
            try {
              const form = new FormData();
              form.append('file', file);
              setReport(
                await apiSend<ImportReport>(
                  'POST',
                  `/api/v1/screening/imports?source=${source}&loadValid=${loadValid}&encoding=${encoding}`,
                  form,
                ),
              );
            } catch (e) {
              setError((e as Error).message);
            } finally {
              setBusy(false);
            }
            return false;
          }}
        >
          <Button type="primary" loading={busy}>
            选择文件并导入
          </Button>
        </Upload>
      </Space>
      {layout ? (
        <Typography.Paragraph type="secondary">
          {layout.description} 列：
          {layout.columns.map((c) => `${c.header}${c.code ? `（${c.code}）` : ''}${c.required ? '*' : ''}`).join('、')}
        </Typography.Paragraph>
      ) : null}
      <ErrorAlert error={error} />
      {report ? (
        <Card size="small" title={`${report.title} · ${report.fileName}`}>
          <Alert
            type={report.status === 'loaded' ? 'success' : report.status === 'partial' ? 'warning' : 'error'}
            showIcon
            message={
              report.status === 'rejected'
                ? `有 ${report.rowsInvalid} 行错误，未导入任何行（可修正后重新导入，或勾选“仍导入正确行”）`
                : `已导入：共 ${report.rowsTotal} 行，新增 ${report.inserted}，更新 ${report.updated}，未变 ${report.unchanged}${report.rowsInvalid ? `，错误 ${report.rowsInvalid} 行未导入` : ''}${report.tasksOpened !== undefined ? `，开立核实任务 ${report.tasksOpened} 项` : ''}`
            }
          />
          {report.errors.length ? (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(e) => `${e.line}-${e.field}`}
              dataSource={report.errors}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: '行号', dataIndex: 'line', width: 80 },
                { title: '列', dataIndex: 'field', width: 200 },
                { title: '内容', dataIndex: 'value', width: 200 },
                { title: '原因', dataIndex: 'message' },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}

interface Task {
  id: string;
  issueNo: string;
  seq: number;
  kindLabel: string;
  programme: string;
  personIdMasked: string;
  personName: string;
  creditCode: string;
  detail: string;
  issuedOn: string;
  caseId: string | null;
  caseTitle: string | null;
  casePaidFen: number | null;
  status: 'open' | 'confirmed' | 'recovery_ordered';
  note: string | null;
  recoveryFen: number | null;
}

function TasksTab() {
  const { message } = App.useApp();
  const { data, error, reload } = useApi<Task[]>('/api/v1/screening/verification-tasks');
  const [resolving, setResolving] = useState<{ task: Task; outcome: 'confirmed' | 'recovery_ordered' }>();
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  return (
    <>
      <ErrorAlert error={error} />
      <Table<Task>
        rowKey="id"
        size="small"
        dataSource={data ?? []}
        columns={[
          { title: '疑点', key: 'k', render: (_, t) => `${t.issueNo} 第 ${t.seq} 条 · ${t.kindLabel}` },
          { title: '人员', key: 'p', render: (_, t) => `${t.personName} ${t.personIdMasked}` },
          { title: '单位', dataIndex: 'creditCode' },
          { title: '说明', dataIndex: 'detail' },
          {
            title: '案件',
            key: 'c',
            render: (_, t) =>
              t.caseId ? <Link to={`/officer/cases/${t.caseId}`}>{t.caseTitle}</Link> : <Tag>未找到对应案件</Tag>,
          },
          {
            title: '处理',
            key: 's',
            render: (_, t) =>
              t.status === 'open' ? (
                <Space>
                  <Button size="small" onClick={() => setResolving({ task: t, outcome: 'confirmed' })}>
                    核实无误
                  </Button>
                  <Button
                    size="small"
                    danger
                    disabled={!t.caseId}
                    onClick={() => setResolving({ task: t, outcome: 'recovery_ordered' })}
                  >
                    下达追回
                  </Button>
                </Space>
              ) : (
                <Tag color={t.status === 'confirmed' ? 'green' : 'red'}>
                  {t.status === 'confirmed' ? '核实无误' : `已下达追回 ${money(t.recoveryFen)}`}
                </Tag>
              ),
          },
        ]}
      />
      <Modal
        open={Boolean(resolving)}
        title={resolving?.outcome === 'confirmed' ? '核实无误' : '下达追回'}
        onCancel={() => setResolving(undefined)}
        onOk={async () => {
          if (!resolving) return;
          try {
            await apiSend('POST', `/api/v1/screening/verification-tasks/${resolving.task.id}/resolve`, {
              outcome: resolving.outcome,
              note,
              ...(resolving.outcome === 'recovery_ordered' && amount ? { recoveryFen: Math.round(amount * 100) } : {}),
            });
            setResolving(undefined);
            setNote('');
            setAmount(null);
            reload();
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            rows={3}
            placeholder="核实情况"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-label="核实情况"
          />
          {resolving?.outcome === 'recovery_ordered' ? (
            <InputNumber
              style={{ width: 240 }}
              min={0.01}
              precision={2}
              addonAfter="元"
              placeholder="追回金额"
              value={amount}
              onChange={(v) => setAmount(v)}
              aria-label="追回金额"
            />
          ) : null}
        </Space>
      </Modal>
    </>
  );
}

export function ScreeningPage() {
  return (
    <OfficerShell title="免申即享数据筛查">
      {(account) => (
        <Tabs
          items={[
            { key: 'runs', label: '筛查任务', children: <RunsTab regionCode={account.regionCode ?? ''} /> },
            { key: 'import', label: '数据导入', children: <ImportTab /> },
            { key: 'tasks', label: '疑点核实', children: <TasksTab /> },
          ]}
        />
      )}
    </OfficerShell>
  );
}
