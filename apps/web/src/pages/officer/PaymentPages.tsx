/** 资金拨付: cases ready for payment, batches, bank files and the bank's results. */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { apiSend } from '../../api';
import { ErrorAlert, fundOptions, money, OfficerShell, time, useApi } from './common';

interface Batch {
  id: string;
  regionName: string;
  fundLabel: string;
  month: string;
  seq: number;
  status: 'exported' | 'completed';
  lineCount: number;
  totalFen: number;
  paidCount: number;
  failedCount: number;
  pendingCount: number;
  createdByName: string;
  createdAt: string;
}
interface Line {
  id: string;
  lineNo: number;
  caseId: string;
  caseTitle: string;
  viaRegionCode: string | null;
  payeeName: string;
  bankName: string;
  accountNoMasked: string;
  accountKind: string;
  grossFen: number;
  deductionFen: number;
  amountFen: number;
  status: 'exported' | 'paid' | 'failed';
  failureReason: string | null;
  paidOn: string | null;
}
interface Payable {
  id: string;
  title: string;
  enterpriseName: string;
  amountFen: number;
  paidFen: number;
  caseDueOn: string | null;
  hasPayee: boolean;
}

const lineStatus = {
  exported: <Tag color="blue">待银行回盘</Tag>,
  paid: <Tag color="green">已到账</Tag>,
  failed: <Tag color="red">支付失败</Tag>,
};

export function PaymentsPage() {
  const { message } = App.useApp();
  const [fund, setFund] = useState('skills_account');
  const payable = useApi<{ items: Payable[] }>(`/api/v1/officer/payments/payable?fund=${fund}`);
  const batches = useApi<{ items: Batch[] }>('/api/v1/officer/payments');
  const [busy, setBusy] = useState(false);
  return (
    <OfficerShell title="资金拨付">
      {(account) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {account.role === 'finance' ? (
            <Card
              title="待拨付案件"
              extra={
                <Space>
                  <Select
                    aria-label="资金"
                    value={fund}
                    onChange={setFund}
                    options={fundOptions}
                    style={{ width: 240 }}
                  />
                  <Button
                    type="primary"
                    loading={busy}
                    disabled={(payable.data?.items.length ?? 0) === 0}
                    onClick={async () => {
                      setBusy(true);
                      try {
                        const r = await apiSend<{ batch: Batch; skipped: { title: string; reason: string }[] }>(
                          'POST',
                          '/api/v1/officer/payments',
                          { fund },
                        );
                        message.success(
                          `已生成拨付批次 ${r.batch.month}-${r.batch.seq}：${r.batch.lineCount} 笔，${money(r.batch.totalFen)}`,
                        );
                        if (r.skipped.length)
                          message.warning(
                            `${r.skipped.length} 件未列入：${r.skipped[0]!.title}（${r.skipped[0]!.reason}）`,
                          );
                        payable.reload();
                        batches.reload();
                      } catch (e) {
                        message.error((e as Error).message);
                      } finally {
                        setBusy(false);
                      }
                    }}
                  >
                    生成本月拨付批次
                  </Button>
                </Space>
              }
            >
              <ErrorAlert error={payable.error} />
              <Table<Payable>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={payable.data?.items ?? []}
                locale={{ emptyText: '暂无待拨付案件' }}
                columns={[
                  {
                    title: '案件',
                    dataIndex: 'title',
                    render: (t: string, r) => <Link to={`/officer/cases/${r.id}`}>{t}</Link>,
                  },
                  { title: '单位', dataIndex: 'enterpriseName' },
                  { title: '应拨金额', key: 'due', render: (_: unknown, r) => money(r.amountFen - r.paidFen) },
                  { title: '发放期限', dataIndex: 'caseDueOn', render: (v: string | null) => v ?? '—' },
                  {
                    title: '收款账户',
                    dataIndex: 'hasPayee',
                    render: (v: boolean) => (v ? '已提供' : <Tag color="red">缺少</Tag>),
                  },
                ]}
              />
            </Card>
          ) : null}
          <Card title="拨付批次">
            <ErrorAlert error={batches.error} />
            <Table<Batch>
              rowKey="id"
              size="small"
              dataSource={batches.data?.items ?? []}
              columns={[
                {
                  title: '批次',
                  key: 'no',
                  render: (_: unknown, r) => <Link to={`/officer/payments/${r.id}`}>{`${r.month}-${r.seq}`}</Link>,
                },
                { title: '区划', dataIndex: 'regionName' },
                { title: '资金', dataIndex: 'fundLabel' },
                { title: '笔数', dataIndex: 'lineCount' },
                { title: '金额', dataIndex: 'totalFen', render: (v: number) => money(v) },
                {
                  title: '到账 / 失败 / 待回盘',
                  key: 'r',
                  render: (_: unknown, r) => `${r.paidCount} / ${r.failedCount} / ${r.pendingCount}`,
                },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: string) =>
                    s === 'completed' ? <Tag color="green">已完成</Tag> : <Tag color="blue">待回盘</Tag>,
                },
                { title: '生成', key: 'by', render: (_: unknown, r) => `${r.createdByName} ${time(r.createdAt)}` },
              ]}
            />
          </Card>
        </Space>
      )}
    </OfficerShell>
  );
}

function toBase64(file: File): Promise<string> {
  return file.arrayBuffer().then((buffer) => {
    let binary = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

export function PaymentBatchPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { data, error, reload } = useApi<{ batch: Batch; lines: Line[] }>(`/api/v1/officer/payments/${id}`);
  const [result, setResult] = useState<string>();
  return (
    <OfficerShell title="拨付批次">
      {(account) => {
        if (error) return <ErrorAlert error={error} />;
        if (!data) return null;
        const b = data.batch;
        const finance = account.role === 'finance';
        return (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={`拨付批次 ${b.month}-${b.seq}（${b.regionName} · ${b.fundLabel}）`}>
              <Descriptions size="small" column={4}>
                <Descriptions.Item label="笔数">{b.lineCount}</Descriptions.Item>
                <Descriptions.Item label="金额">{money(b.totalFen)}</Descriptions.Item>
                <Descriptions.Item label="已到账">{b.paidCount}</Descriptions.Item>
                <Descriptions.Item label="支付失败">{b.failedCount}</Descriptions.Item>
              </Descriptions>
              {finance ? (
                <Space wrap style={{ marginTop: 12 }}>
                  <Button href={`/api/v1/officer/payments/${b.id}/bank-file.csv`}>下载银行支付文件（CSV）</Button>
                  <Button href={`/api/v1/officer/payments/${b.id}/bank-file.xlsx`}>下载银行支付文件（Excel）</Button>
                  <Button href={`/api/v1/officer/payments/${b.id}/result-template.csv`}>下载回盘模板</Button>
                  <Upload
                    accept=".csv,.xlsx"
                    showUploadList={false}
                    beforeUpload={async (file) => {
                      try {
                        const r = await apiSend<{ paid: number; failed: number; alreadyApplied: number }>(
                          'POST',
                          `/api/v1/officer/payments/${b.id}/results`,
                          {
                            fileName: file.name,
                            contentBase64: await toBase64(file),
                          },
                        );
                        setResult(
                          `已导入银行回盘：到账 ${r.paid} 笔，失败 ${r.failed} 笔${r.alreadyApplied ? `，${r.alreadyApplied} 笔此前已导入（未重复记账）` : ''}`,
                        );
                        reload();
                      } catch (e) {
                        message.error((e as Error).message);
                      }
                      return false;
                    }}
                  >
                    <Button type="primary">导入银行回盘结果</Button>
                  </Upload>
                </Space>
              ) : null}
              {result ? <Alert style={{ marginTop: 12 }} type="success" showIcon message={result} /> : null}
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                回盘文件列：付款参考号、结果（成功 /
                失败）、失败原因、到账日期、银行流水号。支付失败的案件退回待拨付，在下一批次中重新拨付。
              </Typography.Paragraph>
            </Card>
            <Card title="支付明细">
              <Table<Line>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.lines}
                columns={[
                  { title: '序号', dataIndex: 'lineNo', width: 60 },
                  {
                    title: '案件',
                    dataIndex: 'caseTitle',
                    render: (t: string, r) => <Link to={`/officer/cases/${r.caseId}`}>{t}</Link>,
                  },
                  { title: '收款单位', dataIndex: 'payeeName' },
                  { title: '开户银行', dataIndex: 'bankName' },
                  { title: '账号', dataIndex: 'accountNoMasked' },
                  { title: '应拨', dataIndex: 'grossFen', render: (v: number) => money(v) },
                  { title: '抵扣', dataIndex: 'deductionFen', render: (v: number) => (v ? money(v) : '—') },
                  { title: '实拨', dataIndex: 'amountFen', render: (v: number) => money(v) },
                  {
                    title: '经由',
                    dataIndex: 'viaRegionCode',
                    render: (v: string | null) => (v ? `县级支出户 ${v}` : '直接拨付'),
                  },
                  {
                    title: '结果',
                    dataIndex: 'status',
                    render: (s: Line['status'], r) => (
                      <Space>
                        {lineStatus[s]}
                        {r.paidOn ?? r.failureReason ?? ''}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </OfficerShell>
  );
}
