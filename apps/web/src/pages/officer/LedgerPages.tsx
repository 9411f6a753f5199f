/** 资金账户 (balances, 专账 ratio, 基金备付能力), 资金追回, 审计日志, 业务流程. */
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { apiSend } from '../../api';
import { ErrorAlert, fundOptions, money, OfficerShell, roleLabels, time, useApi, type Role } from './common';

interface Account {
  id: string;
  regionCode: string;
  regionName: string;
  fund: string;
  fundLabel: string;
  kind: string;
  kindLabel: string;
  name: string;
  initialScaleFen: number | null;
  balanceFen: number;
  ratio: number | null;
  monitoring: { month: string; capacityMonths: number; avgMonthlyExpenditureFen: number } | null;
}

function StopRuleTag({ a }: { a: Account }) {
  if (a.kind !== 'fund') return null;
  if (a.fund === 'skills_account' && a.ratio !== null) {
    return a.ratio < 0.3 ? (
      <Tag color="red">低于建账规模30%：停止以工代训审核</Tag>
    ) : (
      <Tag color="green">{(a.ratio * 100).toFixed(1)}%（停止线 30%）</Tag>
    );
  }
  if (a.fund === 'unemployment_insurance') {
    if (!a.monitoring) return <Tag color="gold">尚无备付能力监测</Tag>;
    const m = a.monitoring.capacityMonths;
    return (
      <Space size={4} wrap>
        <Tag>
          {a.monitoring.month} 备付 {m} 个月
        </Tag>
        {m < 24 ? <Tag color="orange">次月起停止困难企业稳岗返还</Tag> : null}
        {m < 12 ? <Tag color="red">次月起停止一般企业稳岗返还</Tag> : null}
      </Space>
    );
  }
  return null;
}

export function FundsPage() {
  const { message } = App.useApp();
  const { data, error, reload } = useApi<{ items: Account[] }>('/api/v1/officer/funds');
  const [dialog, setDialog] = useState<{ kind: 'open' | 'allocate' | 'monitor'; account?: Account } | null>(null);
  const [lines, setLines] = useState<Account | null>(null);
  const [form] = Form.useForm();
  const ledger = useApi<{
    items: {
      entryId: number;
      entryDate: string;
      kind: string;
      description: string;
      amountFen: number;
      actorName: string;
    }[];
  }>(lines ? `/api/v1/officer/funds/${lines.id}/lines` : null);
  const submit = async (v: Record<string, unknown>) => {
    try {
      if (dialog?.kind === 'open') {
        await apiSend('POST', '/api/v1/officer/funds', {
          regionCode: v.regionCode,
          fund: v.fund,
          name: v.name || undefined,
          initialScaleFen: v.initialScaleYuan ? Math.round(Number(v.initialScaleYuan) * 100) : undefined,
        });
      } else if (dialog?.kind === 'allocate') {
        await apiSend('POST', `/api/v1/officer/funds/${dialog.account!.id}/allocations`, {
          amountFen: Math.round(Number(v.amountYuan) * 100),
          description: v.description,
          requestId: crypto.randomUUID(),
        });
      } else if (dialog?.kind === 'monitor') {
        await apiSend('POST', `/api/v1/officer/funds/${dialog.account!.id}/monitoring`, {
          month: v.month,
          avgMonthlyExpenditureFen: Math.round(Number(v.avgYuan) * 100),
        });
      }
      message.success('已保存');
      setDialog(null);
      form.resetFields();
      reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <OfficerShell title="资金账户">
      {(account) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            message="停止规则"
            description="各市专账资金低于建账资金规模30%时，停止执行以工代训政策；失业保险基金备付能力不足24个月的次月起停止困难企业稳岗返还，不足12个月的次月起停止一般企业稳岗返还（鲁人社字〔2020〕63号）。审核通过时自动核验。"
          />
          <Card
            title="账户与余额（复式记账）"
            extra={
              account.role === 'policy_admin' ? (
                <Button type="primary" onClick={() => setDialog({ kind: 'open' })}>
                  开设资金账户
                </Button>
              ) : null
            }
          >
            <ErrorAlert error={error} />
            <Table<Account>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data?.items ?? []}
              columns={[
                { title: '账户', dataIndex: 'name' },
                { title: '类别', dataIndex: 'kindLabel' },
                { title: '余额', dataIndex: 'balanceFen', align: 'right' as const, render: (v: number) => money(v) },
                { title: '建账规模', dataIndex: 'initialScaleFen', render: (v: number | null) => (v ? money(v) : '—') },
                { title: '停止规则', key: 'rule', render: (_: unknown, a) => <StopRuleTag a={a} /> },
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, a) => (
                    <Space size={4}>
                      {account.role !== 'county_reviewer' && account.role !== 'prefecture_reviewer' ? (
                        <Button size="small" onClick={() => setLines(a)}>
                          明细
                        </Button>
                      ) : null}
                      {account.role === 'finance' && a.kind === 'fund' ? (
                        <Button size="small" onClick={() => setDialog({ kind: 'allocate', account: a })}>
                          资金拨入
                        </Button>
                      ) : null}
                      {(account.role === 'finance' || account.role === 'policy_admin') &&
                      a.kind === 'fund' &&
                      a.fund === 'unemployment_insurance' ? (
                        <Button size="small" onClick={() => setDialog({ kind: 'monitor', account: a })}>
                          月度监测
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          {lines ? (
            <Card title={`账户明细：${lines.name}`} extra={<Button onClick={() => setLines(null)}>关闭</Button>}>
              <Table
                rowKey={(l) => `${l.entryId}-${l.amountFen}`}
                size="small"
                dataSource={ledger.data?.items ?? []}
                columns={[
                  { title: '分录', dataIndex: 'entryId' },
                  { title: '日期', dataIndex: 'entryDate' },
                  { title: '摘要', dataIndex: 'description' },
                  {
                    title: '借（+）/ 贷（−）',
                    dataIndex: 'amountFen',
                    align: 'right' as const,
                    render: (v: number) => money(v),
                  },
                  { title: '经办', dataIndex: 'actorName' },
                ]}
              />
            </Card>
          ) : null}
          <Modal
            open={dialog !== null}
            title={
              { open: '开设资金账户', allocate: '登记资金拨入', monitor: '登记失业保险基金备付能力（月度监测）' }[
                dialog?.kind ?? 'open'
              ]
            }
            okText="保存"
            cancelText="取消"
            onCancel={() => setDialog(null)}
            onOk={() => form.submit()}
            destroyOnHidden
          >
            <Form form={form} layout="vertical" onFinish={submit}>
              {dialog?.kind === 'open' ? (
                <>
                  <Form.Item
                    name="regionCode"
                    label="区划代码"
                    initialValue={account.regionCode}
                    rules={[{ required: true, pattern: /^[0-9]{6}$/, message: '6位区划代码' }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name="fund" label="资金" rules={[{ required: true }]}>
                    <Select options={fundOptions} />
                  </Form.Item>
                  <Form.Item name="name" label="账户名称（可选）">
                    <Input />
                  </Form.Item>
                  <Form.Item name="initialScaleYuan" label="建账资金规模（元，专账必填）">
                    <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </>
              ) : null}
              {dialog?.kind === 'allocate' ? (
                <>
                  <Form.Item name="amountYuan" label="金额（元）" rules={[{ required: true }]}>
                    <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name="description" label="摘要" rules={[{ required: true, min: 2 }]}>
                    <Input placeholder="如：2020年专账资金计提" />
                  </Form.Item>
                </>
              ) : null}
              {dialog?.kind === 'monitor' ? (
                <>
                  <Form.Item
                    name="month"
                    label="监测月份（YYYY-MM）"
                    rules={[{ required: true, pattern: /^[0-9]{4}-(0[1-9]|1[0-2])$/, message: '如 2020-06' }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name="avgYuan" label="月均支出（元）" rules={[{ required: true }]}>
                    <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                  <Typography.Text type="secondary">
                    备付能力 = 当前余额 ÷ 月均支出，自下月起用于稳岗返还停止规则。
                  </Typography.Text>
                </>
              ) : null}
            </Form>
          </Modal>
        </Space>
      )}
    </OfficerShell>
  );
}

interface Recovery {
  id: string;
  caseId: string;
  caseTitle: string;
  enterpriseName: string;
  fundLabel: string;
  reason: string;
  amountFen: number;
  settledFen: number;
  outstandingFen: number;
  method: 'repayment' | 'deduction';
  status: 'open' | 'settled';
  createdByName: string;
  createdAt: string;
}

export function RecoveriesPage() {
  const { message } = App.useApp();
  const { data, error, reload } = useApi<{ items: Recovery[] }>('/api/v1/officer/recoveries');
  const [repaying, setRepaying] = useState<Recovery | null>(null);
  const [form] = Form.useForm();
  return (
    <OfficerShell title="资金追回">
      {(account) => (
        <Card>
          <ErrorAlert error={error} />
          <Typography.Paragraph type="secondary">
            对已拨付案件下达追回（在案件页办理）：由企业退回，或在其再次符合条件时从应返还的稳岗返还资金中扣减（鲁人社字〔2020〕26号
            四(二)）。
          </Typography.Paragraph>
          <Table<Recovery>
            rowKey="id"
            size="small"
            dataSource={data?.items ?? []}
            columns={[
              {
                title: '案件',
                dataIndex: 'caseTitle',
                render: (t: string, r) => <Link to={`/officer/cases/${r.caseId}`}>{t}</Link>,
              },
              { title: '单位', dataIndex: 'enterpriseName' },
              { title: '原因', dataIndex: 'reason' },
              { title: '金额', dataIndex: 'amountFen', render: (v: number) => money(v) },
              { title: '未追回', dataIndex: 'outstandingFen', render: (v: number) => money(v) },
              {
                title: '方式',
                dataIndex: 'method',
                render: (m: string) => (m === 'deduction' ? '从下次返还中扣减' : '企业退回'),
              },
              {
                title: '状态',
                dataIndex: 'status',
                render: (s: string) =>
                  s === 'settled' ? <Tag color="green">已结清</Tag> : <Tag color="orange">追回中</Tag>,
              },
              { title: '下达', key: 'by', render: (_: unknown, r) => `${r.createdByName} ${time(r.createdAt)}` },
              {
                title: '操作',
                key: 'op',
                render: (_: unknown, r) =>
                  account.role === 'finance' && r.status === 'open' ? (
                    <Button size="small" onClick={() => setRepaying(r)}>
                      登记退回
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Modal
            open={repaying !== null}
            title="登记企业退回资金"
            okText="登记"
            cancelText="取消"
            onCancel={() => setRepaying(null)}
            onOk={() => form.submit()}
            destroyOnHidden
          >
            <Form
              form={form}
              layout="vertical"
              onFinish={async (v: { amountYuan: number; note?: string }) => {
                try {
                  await apiSend('POST', `/api/v1/officer/recoveries/${repaying!.id}/repayments`, {
                    amountFen: Math.round(v.amountYuan * 100),
                    note: v.note,
                    requestId: crypto.randomUUID(),
                  });
                  message.success('已登记');
                  setRepaying(null);
                  reload();
                } catch (e) {
                  message.error((e as Error).message);
                }
              }}
            >
              <Form.Item
                name="amountYuan"
                label={`退回金额（元，未追回 ${((repaying?.outstandingFen ?? 0) / 100).toFixed(2)}）`}
                rules={[{ required: true }]}
              >
                <InputNumber
                  min={0.01}
                  max={(repaying?.outstandingFen ?? 0) / 100}
                  precision={2}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name="note" label="备注（如银行回单号）">
                <Input />
              </Form.Item>
            </Form>
          </Modal>
        </Card>
      )}
    </OfficerShell>
  );
}

interface AuditRow {
  id: number;
  at: string;
  actorName: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  regionCode: string | null;
  after: unknown;
  hash: string;
}

export function AuditPage() {
  const { data, error } = useApi<{ items: AuditRow[] }>('/api/v1/officer/audit?limit=200');
  const [verify, setVerify] = useState<{ ok: boolean; checked: number; brokenAt?: number; reason?: string } | null>(
    null,
  );
  const { message } = App.useApp();
  return (
    <OfficerShell title="审计日志">
      {() => (
        <Card
          extra={
            <Button
              onClick={async () => {
                try {
                  const r = await fetch('/api/v1/officer/audit/verify', { credentials: 'same-origin' });
                  setVerify(await r.json());
                } catch (e) {
                  message.error((e as Error).message);
                }
              }}
            >
              校验哈希链
            </Button>
          }
        >
          {verify ? (
            <Alert
              style={{ marginBottom: 12 }}
              type={verify.ok ? 'success' : 'error'}
              showIcon
              message={
                verify.ok
                  ? `审计日志校验通过：共 ${verify.checked} 条记录，哈希链完整`
                  : `审计日志校验失败：第 ${verify.brokenAt} 号记录${verify.reason ?? ''}`
              }
            />
          ) : null}
          <ErrorAlert error={error} />
          <Table<AuditRow>
            rowKey="id"
            size="small"
            dataSource={data?.items ?? []}
            columns={[
              { title: '序号', dataIndex: 'id' },
              { title: '时间', dataIndex: 'at', render: (v: string) => time(v) },
              {
                title: '经办人',
                key: 'actor',
                render: (_: unknown, r) => `${r.actorName}（${roleLabels[r.actorRole as Role] ?? r.actorRole}）`,
              },
              { title: '操作', dataIndex: 'action' },
              { title: '对象', key: 'entity', render: (_: unknown, r) => `${r.entityType} ${r.entityId.slice(0, 8)}` },
              {
                title: '内容',
                dataIndex: 'after',
                render: (v: unknown) => <Typography.Text code>{JSON.stringify(v)?.slice(0, 120)}</Typography.Text>,
              },
            ]}
          />
        </Card>
      )}
    </OfficerShell>
  );
}

interface Workflow {
  id: string;
  name: string;
  description: string;
  fundLabel: string;
  payeeAccount: string;
  programmes: string[];
  regions: string[];
  states: Record<
    string,
    { label: string; kind: string; actor: string; deadline?: { label: string; cite: { doc: string } } }
  >;
  transitions: { from: string; action: string; to: string; roles: string[]; label: string }[];
  cites: { doc: string; clause: string }[];
}

export function WorkflowsPage() {
  const { data, error } = useApi<{ items: Workflow[] }>('/api/v1/officer/workflows');
  return (
    <OfficerShell title="业务流程（按项目、地区配置）">
      {() => (
        <>
          <ErrorAlert error={error} />
          <Collapse
            items={(data?.items ?? []).map((w) => ({
              key: w.id,
              label: w.name,
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Descriptions size="small" column={2}>
                    <Descriptions.Item label="流程">{w.description}</Descriptions.Item>
                    <Descriptions.Item label="资金">{w.fundLabel}</Descriptions.Item>
                    <Descriptions.Item label="拨付至">{w.payeeAccount}</Descriptions.Item>
                    <Descriptions.Item label="适用区划">{w.regions.join('、')}</Descriptions.Item>
                  </Descriptions>
                  <Table
                    size="small"
                    rowKey={(t) => `${t.from}-${t.action}`}
                    pagination={false}
                    dataSource={w.transitions}
                    columns={[
                      { title: '环节', dataIndex: 'from', render: (s: string) => w.states[s]?.label ?? s },
                      { title: '操作', dataIndex: 'label' },
                      {
                        title: '办理角色',
                        dataIndex: 'roles',
                        render: (rs: string[]) => rs.map((r) => roleLabels[r as Role] ?? '系统').join('、'),
                      },
                      { title: '进入', dataIndex: 'to', render: (s: string) => w.states[s]?.label ?? s },
                      { title: '时限', key: 'd', render: (_: unknown, t) => w.states[t.from]?.deadline?.label ?? '—' },
                    ]}
                  />
                  <Typography.Text type="secondary">
                    依据：{w.cites.map((c) => `${c.doc} ${c.clause}`).join('；')}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        </>
      )}
    </OfficerShell>
  );
}
