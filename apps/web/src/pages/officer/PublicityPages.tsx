/** 公示: publishing lists, a list with its objections, and the public page (masked). */
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { apiSend } from '../../api';
import { ErrorAlert, money, OfficerShell, useApi } from './common';

interface Item {
  caseId: string;
  enterpriseName: string;
  programmeName: string;
  headcount: number;
  amountFen: number;
  persons: { name: string; id: string }[];
  outcome: 'listed' | 'released' | 'withdrawn';
}
interface Objection {
  id: string;
  caseId: string;
  receivedOn: string;
  objector: string;
  content: string;
  status: 'open' | 'resolved';
  resolution: string | null;
}
interface Batch {
  id: string;
  regionName: string;
  title: string;
  periodWorkingDays: number;
  publishedOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  createdByName: string;
  items: Item[];
  objections: Objection[];
}
type BatchHead = Omit<Batch, 'items' | 'objections'>;
interface Pending {
  id: string;
  title: string;
  enterpriseName: string;
  amountFen: number;
  headcount: number;
}

const outcomeTag = {
  listed: <Tag color="blue">公示中</Tag>,
  released: <Tag color="green">期满无异议</Tag>,
  withdrawn: <Tag color="red">有异议，已撤出</Tag>,
};

export function PublicityPage() {
  const { message } = App.useApp();
  const pending = useApi<{ items: Pending[] }>('/api/v1/officer/publicity/pending');
  const batches = useApi<{ defaultWorkingDays: number; items: BatchHead[] }>('/api/v1/officer/publicity');
  const [selected, setSelected] = useState<string[]>([]);
  const [days, setDays] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const period = days ?? batches.data?.defaultWorkingDays ?? 5;
  const publish = async () => {
    setBusy(true);
    try {
      const b = await apiSend<Batch>('POST', '/api/v1/officer/publicity', {
        caseIds: selected.length ? selected : undefined,
        periodWorkingDays: period,
      });
      message.success(`已发布公示，公示期至 ${b.endsOn}`);
      setSelected([]);
      pending.reload();
      batches.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <OfficerShell title="公示管理">
      {(account) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {account.role === 'county_reviewer' || account.role === 'prefecture_reviewer' ? (
            <Card
              title="待公示案件"
              extra={
                <Space>
                  <span>公示期</span>
                  <InputNumber
                    aria-label="公示期（工作日）"
                    min={1}
                    max={30}
                    value={period}
                    onChange={(v) => setDays(v)}
                  />
                  <span>个工作日</span>
                  <Button
                    type="primary"
                    loading={busy}
                    disabled={(pending.data?.items.length ?? 0) === 0}
                    onClick={publish}
                  >
                    {selected.length ? `发布公示（选中 ${selected.length} 件）` : '发布公示（全部）'}
                  </Button>
                </Space>
              }
            >
              <ErrorAlert error={pending.error} />
              <Typography.Paragraph type="secondary">
                公示时间不少于5个工作日，内容包括领取补贴的单位或人员名单（含隐藏部分字段的身份证号）、补贴金额（鲁人社字〔2020〕55号
                第十四条）。公示期自发布次日起按工作日计算，期满无异议的案件转入拨付。
              </Typography.Paragraph>
              <Table<Pending>
                rowKey="id"
                size="small"
                dataSource={pending.data?.items ?? []}
                rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
                pagination={false}
                locale={{ emptyText: '暂无待公示案件' }}
                columns={[
                  {
                    title: '案件',
                    dataIndex: 'title',
                    render: (t: string, r) => <Link to={`/officer/cases/${r.id}`}>{t}</Link>,
                  },
                  { title: '单位', dataIndex: 'enterpriseName' },
                  { title: '人数', dataIndex: 'headcount' },
                  { title: '金额', dataIndex: 'amountFen', render: (v: number) => money(v) },
                ]}
              />
            </Card>
          ) : null}
          <Card title="公示批次">
            <ErrorAlert error={batches.error} />
            <Table<BatchHead>
              rowKey="id"
              size="small"
              dataSource={batches.data?.items ?? []}
              columns={[
                {
                  title: '公示',
                  dataIndex: 'title',
                  render: (t: string, r) => <Link to={`/officer/publicity/${r.id}`}>{t}</Link>,
                },
                { title: '区划', dataIndex: 'regionName' },
                { title: '发布日期', dataIndex: 'publishedOn' },
                { title: '公示期至', dataIndex: 'endsOn' },
                { title: '工作日', dataIndex: 'periodWorkingDays' },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: string) => (s === 'open' ? <Tag color="blue">公示中</Tag> : <Tag>已结束</Tag>),
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </OfficerShell>
  );
}

export function PublicityBatchPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { data, error, reload } = useApi<Batch>(`/api/v1/officer/publicity/${id}`);
  const [objecting, setObjecting] = useState<Item | null>(null);
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [form] = Form.useForm();
  const [resolveForm] = Form.useForm();
  return (
    <OfficerShell title="公示详情">
      {(account) => {
        const reviewer = account.role === 'county_reviewer' || account.role === 'prefecture_reviewer';
        if (error) return <ErrorAlert error={error} />;
        if (!data) return null;
        return (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              title={data.title}
              extra={
                <Typography.Text>
                  公示期 {data.publishedOn} 至 {data.endsOn}（{data.periodWorkingDays} 个工作日）
                </Typography.Text>
              }
            >
              <Table<Item>
                rowKey="caseId"
                size="small"
                pagination={false}
                dataSource={data.items}
                columns={[
                  {
                    title: '单位名称',
                    dataIndex: 'enterpriseName',
                    render: (t: string, r) => <Link to={`/officer/cases/${r.caseId}`}>{t}</Link>,
                  },
                  { title: '项目', dataIndex: 'programmeName' },
                  { title: '补贴人数', dataIndex: 'headcount' },
                  { title: '补贴金额', dataIndex: 'amountFen', render: (v: number) => money(v) },
                  {
                    title: '人员',
                    dataIndex: 'persons',
                    render: (ps: Item['persons']) => ps.map((p) => `${p.name} ${p.id}`).join('；'),
                  },
                  { title: '状态', dataIndex: 'outcome', render: (o: Item['outcome']) => outcomeTag[o] },
                  {
                    title: '操作',
                    key: 'op',
                    render: (_: unknown, r) =>
                      reviewer && r.outcome === 'listed' ? (
                        <Button size="small" onClick={() => setObjecting(r)}>
                          登记异议
                        </Button>
                      ) : null,
                  },
                ]}
              />
            </Card>
            <Card title="异议">
              {data.objections.length === 0 ? <Empty description="公示期内未收到异议" /> : null}
              {data.objections.map((o) => (
                <Alert
                  key={o.id}
                  style={{ marginBottom: 8 }}
                  type={o.status === 'open' ? 'warning' : 'info'}
                  showIcon
                  message={`${o.receivedOn} ${o.objector}：${o.content}`}
                  description={o.resolution ? `处理结果：${o.resolution}` : '待处理（案件已撤出公示并退回重新审核）'}
                  action={
                    reviewer && o.status === 'open' ? (
                      <Button size="small" onClick={() => setResolving(o)}>
                        登记处理结果
                      </Button>
                    ) : null
                  }
                />
              ))}
            </Card>
            <Modal
              open={objecting !== null}
              title={`登记异议：${objecting?.enterpriseName ?? ''}`}
              okText="登记"
              cancelText="取消"
              onCancel={() => setObjecting(null)}
              onOk={() => form.submit()}
              destroyOnHidden
            >
              <Form
                form={form}
                layout="vertical"
                onFinish={async (v: { objector: string; content: string }) => {
                  try {
                    await apiSend('POST', `/api/v1/officer/publicity/${data.id}/objections`, {
                      caseId: objecting!.caseId,
                      ...v,
                    });
                    message.success('已登记异议，案件已撤出公示并退回重新审核');
                    setObjecting(null);
                    reload();
                  } catch (e) {
                    message.error((e as Error).message);
                  }
                }}
              >
                <Form.Item
                  name="objector"
                  label="异议人（可填“匿名”）"
                  rules={[{ required: true, message: '请填写异议人' }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name="content"
                  label="异议内容"
                  rules={[{ required: true, min: 2, message: '请填写异议内容' }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
              </Form>
            </Modal>
            <Modal
              open={resolving !== null}
              title="异议处理结果"
              okText="保存"
              cancelText="取消"
              onCancel={() => setResolving(null)}
              onOk={() => resolveForm.submit()}
              destroyOnHidden
            >
              <Form
                form={resolveForm}
                layout="vertical"
                onFinish={async (v: { resolution: string }) => {
                  try {
                    await apiSend('POST', `/api/v1/officer/objections/${resolving!.id}/resolution`, v);
                    message.success('已登记处理结果');
                    setResolving(null);
                    reload();
                  } catch (e) {
                    message.error((e as Error).message);
                  }
                }}
              >
                <Form.Item
                  name="resolution"
                  label="核查与处理结果"
                  rules={[{ required: true, min: 2, message: '请填写处理结果' }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
              </Form>
            </Modal>
          </Space>
        );
      }}
    </OfficerShell>
  );
}

/** 公示栏: the public page, no sign-in. */
export function PublicPublicityPage() {
  const { data, error } = useApi<{ items: Batch[] }>('/api/v1/public/publicity');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>补贴资金公示</Typography.Title>
      <Typography.Paragraph type="secondary">
        依据鲁人社字〔2020〕55号
        第十四条，公示领取补贴的单位或人员名单（身份证号、姓名隐藏部分字段）和补贴金额，公示时间不少于5个工作日。对公示内容有异议的，请在公示期内向所列经办机构反映。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      {data && data.items.length === 0 ? <Empty description="当前没有公示" /> : null}
      {(data?.items ?? []).map((b) => (
        <Card
          key={b.id}
          title={b.title}
          extra={
            <Space>
              <Typography.Text>
                公示期：{b.publishedOn} 至 {b.endsOn}
              </Typography.Text>
              {b.status === 'open' ? <Tag color="blue">公示中</Tag> : <Tag>已结束</Tag>}
            </Space>
          }
        >
          <Table<Item>
            rowKey={(r, i) => `${r.enterpriseName}-${i}`}
            size="small"
            pagination={false}
            dataSource={b.items}
            columns={[
              { title: '单位名称', dataIndex: 'enterpriseName' },
              { title: '补贴项目', dataIndex: 'programmeName' },
              { title: '补贴人数', dataIndex: 'headcount' },
              { title: '补贴金额', dataIndex: 'amountFen', render: (v: number) => money(v) },
              {
                title: '人员（隐藏部分字段）',
                dataIndex: 'persons',
                render: (ps: Item['persons']) => ps.map((p) => `${p.name}（${p.id}）`).join('；'),
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
