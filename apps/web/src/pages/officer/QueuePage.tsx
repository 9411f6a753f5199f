/** 待办队列 and 案件查询: cases by deadline with overdue / due-today flags; batch approval. */
import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, Navigate } from 'react-router-dom';
import { apiSend } from '../../api';
import { useSession } from '../../portal/session';
import { DeadlineTag, ErrorAlert, money, OfficerShell, useApi, type DeadlineFlags } from './common';

export interface CaseListItem extends DeadlineFlags {
  id: string;
  title: string;
  programme: string;
  workflowName: string;
  regionName: string;
  enterpriseName: string;
  status: string;
  statusLabel: string;
  amountFen: number;
  headcount: number;
  claimMonth: string | null;
  receivedOn: string;
  deadlineLabel: string | null;
  failedConditions: number;
  flaggedConditions: number;
  duplicateHits: number;
  batchApprovable: boolean;
}

function Flags({ item }: { item: CaseListItem }) {
  return (
    <Space size={4} wrap>
      {item.failedConditions > 0 ? <Tag color="red">{item.failedConditions} 项条件未通过</Tag> : null}
      {item.flaggedConditions > 0 ? <Tag color="gold">{item.flaggedConditions} 项待核实</Tag> : null}
      {item.duplicateHits > 0 ? <Tag color="volcano">重复享受疑点 {item.duplicateHits}</Tag> : null}
      {item.failedConditions + item.flaggedConditions + item.duplicateHits === 0 ? (
        <Tag color="green">无疑点</Tag>
      ) : null}
    </Space>
  );
}

const columns = [
  {
    title: '案件',
    dataIndex: 'title',
    render: (_: unknown, r: CaseListItem) => (
      <Space direction="vertical" size={0}>
        <Link to={`/officer/cases/${r.id}`}>{r.title}</Link>
        <Typography.Text type="secondary">
          {r.enterpriseName} · {r.regionName}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '环节', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
  { title: '金额', dataIndex: 'amountFen', align: 'right' as const, render: (v: number) => money(v) },
  { title: '人数', dataIndex: 'headcount', align: 'right' as const },
  { title: '收件日期', dataIndex: 'receivedOn' },
  { title: '办理期限', key: 'due', render: (_: unknown, r: CaseListItem) => <DeadlineTag flags={r} /> },
  { title: '核验', key: 'flags', render: (_: unknown, r: CaseListItem) => <Flags item={r} /> },
];

/** The officer's queue, most urgent first. */
export function QueuePage() {
  const { message } = App.useApp();
  const { account } = useSession();
  // policy administrators and auditors act on no step: their landing page is the case list
  const hasQueue = account !== null && ['county_reviewer', 'prefecture_reviewer', 'finance'].includes(account.role);
  const { data, error, loading, reload } = useApi<{ today: string; items: CaseListItem[] }>(
    hasQueue ? '/api/v1/officer/queue' : null,
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const items = data?.items ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  const dueToday = items.filter((i) => i.dueToday).length;
  const approveSelected = async () => {
    setBusy(true);
    try {
      const r = await apiSend<{ results: { id: string; ok: boolean; message: string }[] }>(
        'POST',
        '/api/v1/officer/cases/batch-approve',
        {
          ids: selected,
        },
      );
      const ok = r.results.filter((x) => x.ok).length;
      const failed = r.results.filter((x) => !x.ok);
      if (failed.length) message.warning(`已审核通过 ${ok} 件；${failed.length} 件未办理：${failed[0]!.message}`);
      else message.success(`已批量审核通过 ${ok} 件`);
      setSelected([]);
      reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <OfficerShell title="待办队列">
      {() =>
        !hasQueue ? (
          <Navigate to="/officer/cases" replace />
        ) : (
          <Card
            title={
              <Space>
                <span>今天 {data?.today ?? ''}</span>
                <Tag color="red">已超期 {overdue}</Tag>
                <Tag color="orange">今日到期 {dueToday}</Tag>
                <Tag>待办 {items.length}</Tag>
              </Space>
            }
            extra={
              <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={approveSelected}>
                批量审核通过（{selected.length}）
              </Button>
            }
          >
            <ErrorAlert error={error} />
            <Typography.Paragraph type="secondary">
              按办理期限排序（工作日按国务院办公厅节假日安排计算）。仅无未通过条件、无待核实条件、无重复享受疑点的案件可批量审核通过，其余请逐件审核。
            </Typography.Paragraph>
            <Table<CaseListItem>
              rowKey="id"
              size="middle"
              loading={loading}
              dataSource={items}
              columns={columns}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: !r.batchApprovable, name: r.title }),
              }}
              rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
              locale={{ emptyText: '暂无待办案件' }}
            />
          </Card>
        )
      }
    </OfficerShell>
  );
}

/** 案件查询: every case of the region, any status. */
export function CasesPage() {
  const [status, setStatus] = useState<string>();
  const [search, setSearch] = useState<string>('');
  const [query, setQuery] = useState('');
  const path = `/api/v1/officer/cases?limit=200${status ? `&status=${encodeURIComponent(status)}` : ''}${
    query ? `&search=${encodeURIComponent(query)}` : ''
  }`;
  const { data, error, loading } = useApi<{ total: number; items: CaseListItem[] }>(path);
  return (
    <OfficerShell title="案件查询">
      {() => (
        <Card
          extra={
            <Space>
              <Select
                allowClear
                placeholder="状态"
                style={{ width: 160 }}
                value={status}
                onChange={setStatus}
                options={[
                  { value: 'county_review', label: '县级审核' },
                  { value: 'prefecture_review', label: '州（市）复审' },
                  { value: 'publicity', label: '公示中' },
                  { value: 'payment_ready', label: '待拨付' },
                  { value: 'paying', label: '拨付中' },
                  { value: 'paid', label: '已拨付' },
                  { value: 'rejected', label: '审核不通过' },
                ]}
              />
              <Input.Search
                placeholder="单位名称或统一社会信用代码"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={setQuery}
                allowClear
                style={{ width: 280 }}
              />
            </Space>
          }
          title={`共 ${data?.total ?? 0} 件`}
        >
          <ErrorAlert error={error} />
          <Table<CaseListItem>
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            columns={columns}
          />
        </Card>
      )}
    </OfficerShell>
  );
}
