/**
 * The case page: the engine's decision (each condition, its citation, the data behind it),
 * duplicate hits, persons (masked; the full number on request, audited), materials, payee,
 * payments, recoveries, the history — and the actions this officer may take now.
 */
import { useState, type ReactElement } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router-dom';
import { apiSend } from '../../api';
import { DeadlineTag, ErrorAlert, money, OfficerShell, time, useApi, type DeadlineFlags } from './common';

interface Cite {
  doc: string;
  clause: string;
  file: string;
  line: number | [number, number];
}
interface Condition {
  id: string;
  label: string;
  result: 'pass' | 'fail' | 'not_applicable' | 'missing';
  cite: Cite;
  detail?: string;
  missing?: string[];
  personId?: string;
  month?: string;
}
interface Decision {
  programmeName: string;
  eligible: 'yes' | 'no' | 'needs_input';
  amountFen: number;
  decisionDate: string;
  rulesetVersion: string;
  conditions: Condition[];
  lines: { label: string; amountFen: number; formula?: string; cite: Cite }[];
  missing: string[];
  notes: string[];
}
interface CaseDetail extends DeadlineFlags {
  id: string;
  title: string;
  programme: string;
  source: string;
  regionName: string;
  enterprise: { name: string; creditCode: string };
  workflow: {
    id: string;
    name: string;
    description: string;
    fundLabel: string;
    payeeAccount: string;
    states: { id: string; label: string; kind: string; deadline: string | null }[];
  };
  status: string;
  statusLabel: string;
  enterpriseStatusLabel: string;
  claimMonth: string | null;
  amountFen: number;
  headcount: number;
  receivedOn: string;
  outcomeReason: string | null;
  paidFen: number;
  paidOn: string | null;
  version: number;
  decision: Decision | null;
  conditions: { failed: number; flagged: number };
  duplicates: {
    rule: string;
    label: string;
    cite: Cite;
    personKeyMasked: string | null;
    personName: string | null;
    month: string | null;
    otherRegionName: string;
    otherEnterpriseName: string;
    otherStatusLabel: string;
  }[];
  persons: {
    personKeyMasked: string;
    name: string;
    role: string;
    month: string | null;
    category: string | null;
    amountFen: number | null;
  }[];
  materials: { name: string; url: string }[];
  payee: { name: string; creditCode: string; bankName: string; accountKind: string; accountNoMasked: string } | null;
  history: {
    at: string;
    actorName: string;
    actorRoleLabel: string;
    action: string;
    fromLabel: string | null;
    toLabel: string;
    note: string | null;
  }[];
  actions: { action: string; label: string; requiresReason: boolean }[];
  payments: {
    id: string;
    lineNo: number;
    status: string;
    grossFen: number;
    deductionFen: number;
    amountFen: number;
    paidOn: string | null;
    failureReason: string | null;
    bankName: string;
    accountNoMasked: string;
  }[];
  recoveries: {
    id: string;
    reason: string;
    amountFen: number;
    settledFen: number;
    outstandingFen: number;
    method: string;
    status: string;
    createdByName: string;
    createdAt: string;
  }[];
}

const resultTag: Record<Condition['result'], ReactElement> = {
  pass: <Tag color="green">符合</Tag>,
  fail: <Tag color="red">不符合</Tag>,
  missing: <Tag color="gold">待核实</Tag>,
  not_applicable: <Tag>不适用</Tag>,
};
const citeText = (c: Cite) =>
  `${c.doc} ${c.clause}（${c.file} 第${Array.isArray(c.line) ? c.line.join('—') : c.line}行）`;
const eligibleText = { yes: '符合条件', no: '不符合条件', needs_input: '资料不全' };

function DecisionCard({ decision }: { decision: Decision | null }) {
  if (!decision) return <Alert type="warning" showIcon message="该案件没有规则引擎的核验结果" />;
  return (
    <Card
      title={`规则引擎核验：${decision.programmeName}`}
      extra={
        <Space>
          <Tag color={decision.eligible === 'yes' ? 'green' : decision.eligible === 'no' ? 'red' : 'gold'}>
            {eligibleText[decision.eligible]}
          </Tag>
          <Typography.Text type="secondary">
            核验日期 {decision.decisionDate} · 规则版本 {decision.rulesetVersion.slice(0, 12)}
          </Typography.Text>
        </Space>
      }
      size="small"
    >
      <Table<Condition>
        size="small"
        rowKey={(c, i) => `${c.id}-${c.personId ?? ''}-${c.month ?? ''}-${i}`}
        pagination={false}
        dataSource={decision.conditions}
        columns={[
          { title: '条件', dataIndex: 'label' },
          { title: '结果', dataIndex: 'result', width: 90, render: (r: Condition['result']) => resultTag[r] },
          {
            title: '所用数据与说明',
            key: 'detail',
            render: (_: unknown, c) => (
              <span>
                {c.detail ?? ''}
                {c.missing?.length ? `（缺少：${c.missing.join('、')}）` : ''}
                {c.month ? ` [${c.month}]` : ''}
              </span>
            ),
          },
          {
            title: '依据',
            key: 'cite',
            render: (_: unknown, c) => <Typography.Text type="secondary">{citeText(c.cite)}</Typography.Text>,
          },
        ]}
      />
      {decision.lines.length ? (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(l, i) => `${l.label}-${i}`}
          pagination={false}
          dataSource={decision.lines}
          columns={[
            { title: '金额明细', dataIndex: 'label' },
            { title: '计算', dataIndex: 'formula' },
            { title: '金额', dataIndex: 'amountFen', align: 'right' as const, render: (v: number) => money(v) },
            { title: '依据', key: 'cite', render: (_: unknown, l: Decision['lines'][number]) => citeText(l.cite) },
          ]}
        />
      ) : null}
      {decision.notes.map((n) => (
        <Typography.Paragraph key={n} type="secondary" style={{ marginTop: 8 }}>
          {n}
        </Typography.Paragraph>
      ))}
    </Card>
  );
}

export function CasePage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { data: c, error, reload } = useApi<CaseDetail>(`/api/v1/officer/cases/${id}`);
  const [pending, setPending] = useState<{ action: string; label: string; requiresReason: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [unmasked, setUnmasked] = useState<{ personKey: string; name: string; month: string | null }[] | null>(null);
  const [askPurpose, setAskPurpose] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const [form] = Form.useForm();

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      reload();
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const takeAction = async (values: { reason?: string; note?: string }) => {
    if (!pending || !c) return;
    const settlement = pending.action === 'settle' || pending.action === 'top_up';
    const ok = await run(
      () =>
        settlement
          ? apiSend('POST', `/api/v1/officer/cases/${c.id}/settlement`, { action: pending.action, note: values.note })
          : apiSend('POST', `/api/v1/officer/cases/${c.id}/actions`, {
              action: pending.action,
              reason: values.reason,
              note: values.note,
              version: c.version,
            }),
      `已办理：${pending.label}`,
    );
    if (ok) {
      setPending(null);
      form.resetFields();
    }
  };

  return (
    <OfficerShell title="案件审核">
      {(account) => {
        if (error) return <ErrorAlert error={error} />;
        if (!c) return null;
        const currentIndex = c.workflow.states.findIndex((s) => s.id === c.status);
        const reviewer = account.role === 'county_reviewer' || account.role === 'prefecture_reviewer';
        return (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              title={c.title}
              extra={
                <Space wrap>
                  <Tag color="blue">{c.statusLabel}</Tag>
                  <DeadlineTag flags={c} />
                  {c.actions.map((a) => (
                    <Button
                      key={a.action}
                      type={a.action === 'approve' ? 'primary' : 'default'}
                      danger={a.action === 'reject'}
                      onClick={() => setPending(a)}
                    >
                      {a.label}
                    </Button>
                  ))}
                  {c.paidFen > 0 && (reviewer || account.role === 'finance') ? (
                    <Button onClick={() => setRecovering(true)}>下达追回</Button>
                  ) : null}
                </Space>
              }
            >
              <Descriptions size="small" column={3} bordered>
                <Descriptions.Item label="单位">{c.enterprise.name}</Descriptions.Item>
                <Descriptions.Item label="统一社会信用代码">{c.enterprise.creditCode}</Descriptions.Item>
                <Descriptions.Item label="审核区划">{c.regionName}</Descriptions.Item>
                <Descriptions.Item label="补贴月份">{c.claimMonth ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="金额">{money(c.amountFen)}</Descriptions.Item>
                <Descriptions.Item label="人数">{c.headcount}</Descriptions.Item>
                <Descriptions.Item label="来源">
                  {c.source === 'screening' ? '数据比对筛查（免申即享）' : '企业申请'}
                </Descriptions.Item>
                <Descriptions.Item label="收件日期">{c.receivedOn}</Descriptions.Item>
                <Descriptions.Item label="资金来源">{c.workflow.fundLabel}</Descriptions.Item>
                <Descriptions.Item label="已拨付">
                  {c.paidFen ? `${money(c.paidFen)}（${c.paidOn}）` : '—'}
                </Descriptions.Item>
                <Descriptions.Item label="企业所见状态">{c.enterpriseStatusLabel}</Descriptions.Item>
                <Descriptions.Item label="办理期限">{c.deadlineLabel ?? '—'}</Descriptions.Item>
              </Descriptions>
              {c.outcomeReason ? (
                <Alert
                  style={{ marginTop: 12 }}
                  type="warning"
                  showIcon
                  message={`告知企业的理由：${c.outcomeReason}`}
                />
              ) : null}
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4 }}>
                流程：{c.workflow.name}
              </Typography.Paragraph>
              <Steps
                size="small"
                current={currentIndex}
                items={c.workflow.states
                  .filter((s) => s.kind !== 'rejected' && s.kind !== 'returned')
                  .map((s) => ({
                    title: s.label,
                    description: s.deadline ?? undefined,
                    status: s.id === c.status ? 'process' : undefined,
                  }))}
              />
            </Card>

            {c.duplicates.length ? (
              <Alert
                type="error"
                showIcon
                message={`重复享受疑点 ${c.duplicates.length} 项`}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {c.duplicates.map((d, i) => (
                      <li key={i}>
                        {d.label}：{d.personName ? `${d.personName}（${d.personKeyMasked}）` : '本单位'}
                        {d.month ? ` ${d.month}` : ''} 已在 {d.otherRegionName} {d.otherEnterpriseName} 的申报中（
                        {d.otherStatusLabel}）。依据：{citeText(d.cite)}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert
                type="success"
                showIcon
                message="未发现重复享受疑点（同一人员同月、同一毕业生重复使用、政策叠加）"
              />
            )}

            <DecisionCard decision={c.decision} />

            <Row gutter={16}>
              <Col span={14}>
                <Card
                  size="small"
                  title={`人员（${c.persons.length}）`}
                  extra={
                    account.role !== 'finance' && account.role !== 'policy_admin' ? (
                      <Button size="small" onClick={() => setAskPurpose(true)}>
                        查看完整身份证号
                      </Button>
                    ) : null
                  }
                >
                  <Table
                    size="small"
                    rowKey={(p, i) => `${p.personKeyMasked}-${i}`}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    dataSource={c.persons}
                    columns={[
                      { title: '姓名', dataIndex: 'name' },
                      { title: '身份证号', dataIndex: 'personKeyMasked' },
                      { title: '人员类别', dataIndex: 'category' },
                      { title: '月份', dataIndex: 'month' },
                      {
                        title: '金额',
                        dataIndex: 'amountFen',
                        align: 'right' as const,
                        render: (v: number | null) => money(v),
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col span={10}>
                <Card size="small" title="申报材料">
                  {c.materials.length ? (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {c.materials.map((m) => (
                        <li key={m.url}>
                          <a href={m.url} target="_blank" rel="noreferrer">
                            {m.name}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Typography.Text type="secondary">无（数据比对生成的案件无需企业提交材料）</Typography.Text>
                  )}
                </Card>
                <Card size="small" title="收款账户" style={{ marginTop: 16 }}>
                  {c.payee ? (
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label="户名">{c.payee.name}</Descriptions.Item>
                      <Descriptions.Item label="开户银行">{c.payee.bankName}</Descriptions.Item>
                      <Descriptions.Item label="账号">{c.payee.accountNoMasked}</Descriptions.Item>
                      <Descriptions.Item label="账户性质">{c.payee.accountKind}</Descriptions.Item>
                    </Descriptions>
                  ) : (
                    <Typography.Text type="secondary">未提供</Typography.Text>
                  )}
                  <Typography.Text type="secondary">按文件应拨付至：{c.workflow.payeeAccount}</Typography.Text>
                </Card>
              </Col>
            </Row>

            {c.payments.length ? (
              <Card size="small" title="拨付记录">
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={c.payments}
                  columns={[
                    {
                      title: '状态',
                      dataIndex: 'status',
                      render: (s: string) => ({ exported: '待银行回盘', paid: '已到账', failed: '支付失败' })[s] ?? s,
                    },
                    { title: '应拨', dataIndex: 'grossFen', render: (v: number) => money(v) },
                    { title: '抵扣追回', dataIndex: 'deductionFen', render: (v: number) => money(v) },
                    { title: '实拨', dataIndex: 'amountFen', render: (v: number) => money(v) },
                    { title: '到账日期', dataIndex: 'paidOn' },
                    { title: '失败原因', dataIndex: 'failureReason' },
                  ]}
                />
              </Card>
            ) : null}
            {c.recoveries.length ? (
              <Card size="small" title="追回记录">
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={c.recoveries}
                  columns={[
                    { title: '原因', dataIndex: 'reason' },
                    { title: '金额', dataIndex: 'amountFen', render: (v: number) => money(v) },
                    { title: '已追回', dataIndex: 'settledFen', render: (v: number) => money(v) },
                    {
                      title: '方式',
                      dataIndex: 'method',
                      render: (m: string) => (m === 'deduction' ? '从下次返还中扣减' : '企业退回'),
                    },
                    {
                      title: '状态',
                      dataIndex: 'status',
                      render: (s: string) => (s === 'settled' ? '已结清' : '追回中'),
                    },
                  ]}
                />
              </Card>
            ) : null}

            <Card size="small" title="办理历史">
              <Timeline
                items={c.history.map((h) => ({
                  children: (
                    <span>
                      <Typography.Text strong>{time(h.at)}</Typography.Text> {h.actorName}（{h.actorRoleLabel}）：
                      {h.fromLabel ? `${h.fromLabel} → ` : ''}
                      {h.toLabel}
                      {h.note ? `；${h.note}` : ''}
                    </span>
                  ),
                }))}
              />
            </Card>

            <Modal
              open={pending !== null}
              title={pending?.label}
              okText="确定"
              cancelText="取消"
              confirmLoading={busy}
              onCancel={() => setPending(null)}
              onOk={() => form.submit()}
              destroyOnHidden
            >
              {pending?.action === 'approve' ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message="审核通过时将按现有数据重新运行规则引擎，并核验资金停止规则；核验不通过的不能审核通过。"
                />
              ) : null}
              <Form form={form} layout="vertical" onFinish={takeAction}>
                {pending?.requiresReason ? (
                  <Form.Item
                    name="reason"
                    label="理由（将告知企业）"
                    rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
                  >
                    <Input.TextArea rows={3} maxLength={500} />
                  </Form.Item>
                ) : (
                  <Form.Item name="note" label="备注">
                    <Input.TextArea rows={2} maxLength={500} />
                  </Form.Item>
                )}
              </Form>
            </Modal>

            <Modal
              open={askPurpose}
              title="查看完整身份证号"
              okText="查看"
              cancelText="取消"
              onCancel={() => setAskPurpose(false)}
              onOk={async () => {
                const purpose = (document.getElementById('unmask-purpose') as HTMLTextAreaElement | null)?.value ?? '';
                try {
                  const r = await apiSend<{ items: { personKey: string; name: string; month: string | null }[] }>(
                    'POST',
                    `/api/v1/officer/cases/${c.id}/persons/unmasked`,
                    { purpose },
                  );
                  setUnmasked(r.items);
                  setAskPurpose(false);
                } catch (e) {
                  message.error((e as Error).message);
                }
              }}
            >
              <Typography.Paragraph type="secondary">查看完整个人信息将记入审计日志，请填写用途。</Typography.Paragraph>
              <Input.TextArea id="unmask-purpose" rows={2} placeholder="如：与社保系统核对参保信息" />
            </Modal>
            <Modal
              open={unmasked !== null}
              title="完整身份证号（已记入审计日志）"
              footer={null}
              onCancel={() => setUnmasked(null)}
            >
              <Table
                size="small"
                rowKey={(p, i) => `${p.personKey}-${i}`}
                pagination={false}
                dataSource={unmasked ?? []}
                columns={[
                  { title: '姓名', dataIndex: 'name' },
                  { title: '身份证号', dataIndex: 'personKey' },
                  { title: '月份', dataIndex: 'month' },
                ]}
              />
            </Modal>
            <RecoveryModal
              open={recovering}
              caseId={c.id}
              maxFen={c.paidFen}
              onClose={() => setRecovering(false)}
              onDone={reload}
            />
          </Space>
        );
      }}
    </OfficerShell>
  );
}

function RecoveryModal({
  open,
  caseId,
  maxFen,
  onClose,
  onDone,
}: {
  open: boolean;
  caseId: string;
  maxFen: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title="下达追回通知"
      okText="下达"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'repayment' }}
        onFinish={async (v: { reason: string; amountYuan: number; method: string }) => {
          setBusy(true);
          try {
            await apiSend('POST', '/api/v1/officer/recoveries', {
              caseId,
              reason: v.reason,
              amountFen: Math.round(v.amountYuan * 100),
              method: v.method,
            });
            message.success('已下达追回通知');
            onClose();
            onDone();
          } catch (e) {
            message.error((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label="追回原因" rules={[{ required: true, message: '请填写追回原因' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={`追回金额（元，不超过 ${(maxFen / 100).toFixed(2)}）`}
          rules={[{ required: true, message: '请填写金额' }]}
        >
          <InputNumber min={0.01} max={maxFen / 100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="method" label="追回方式">
          <Radio.Group
            options={[
              { value: 'repayment', label: '企业退回' },
              { value: 'deduction', label: '从下次稳岗返还资金中扣减（鲁人社字〔2020〕26号）' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
