import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { apiGet, yuan } from '../api';
import { RequireEnterprise } from './EnterpriseHomePage';

interface ProgressItem {
  id: string;
  subsidyMonth: string;
  subsidyTypeLabel: string;
  regionName: string;
  status: string;
  statusLabel: string;
  amountFen: number;
  approvedAmountFen: number | null;
  paidOn: string | null;
  submittedAt: string | null;
  reason: string | null;
  stages: { status: string; label: string; state: 'done' | 'current' | 'pending' | 'failed'; at: string | null }[];
  timeline: {
    at: string;
    status: string;
    label: string;
    actor: string;
    note: string | null;
    amountFen: number | null;
    paidOn: string | null;
  }[];
}

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const colour: Record<string, string> = { paid: 'green', rejected: 'red', returned: 'orange', draft: 'default' };

/** 【查询】: the review progress of every application. */
export function ProgressPage() {
  const navigate = useNavigate();
  const [items, setItems] = useState<ProgressItem[]>();
  useEffect(() => {
    void apiGet<{ items: ProgressItem[] }>('/api/v1/work-for-training/applications').then((r) => setItems(r.items));
  }, []);
  return (
    <RequireEnterprise>
      <Typography.Title level={3}>以工代训补贴申报 · 审核进度查询</Typography.Title>
      {items && items.length === 0 ? <Empty description="暂无申请" /> : null}
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        {(items ?? []).map((a) => (
          <Card
            key={a.id}
            title={`${monthLabel(a.subsidyMonth)} · ${a.subsidyTypeLabel}`}
            extra={<Tag color={colour[a.status] ?? 'blue'}>{a.statusLabel}</Tag>}
            aria-label={`申请 ${a.subsidyMonth}`}
          >
            <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="审核区划">{a.regionName}</Descriptions.Item>
              <Descriptions.Item label="申报金额">{yuan(a.amountFen)} 元</Descriptions.Item>
              <Descriptions.Item label="核定金额">
                {a.approvedAmountFen === null ? '—' : `${yuan(a.approvedAmountFen)} 元`}
              </Descriptions.Item>
              <Descriptions.Item label="拨付日期">{a.paidOn ?? '—'}</Descriptions.Item>
            </Descriptions>
            {a.reason ? (
              <Alert
                type={a.status === 'rejected' ? 'error' : 'warning'}
                showIcon
                style={{ marginBottom: 16 }}
                message={`${a.statusLabel}：${a.reason}`}
              />
            ) : null}
            <Steps
              size="small"
              style={{ marginBottom: 16 }}
              items={a.stages.map((s) => ({
                title: s.label,
                status:
                  s.state === 'done'
                    ? 'finish'
                    : s.state === 'current'
                      ? 'process'
                      : s.state === 'failed'
                        ? 'error'
                        : 'wait',
                description: s.at ? time(s.at) : undefined,
              }))}
            />
            <Timeline
              items={a.timeline.map((t) => ({
                color: t.status === 'rejected' ? 'red' : t.status === 'paid' ? 'green' : 'blue',
                children: (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>
                      {t.label} <Typography.Text type="secondary">{time(t.at)}</Typography.Text>
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t.actor}
                      {t.note ? `：${t.note}` : ''}
                      {t.amountFen !== null ? `（${yuan(t.amountFen)} 元）` : ''}
                      {t.paidOn ? `，拨付日期 ${t.paidOn}` : ''}
                    </Typography.Text>
                  </Space>
                ),
              }))}
            />
            {a.status === 'draft' || a.status === 'returned' ? (
              <Button type="primary" onClick={() => navigate(`/enterprise/work-for-training/applications/${a.id}`)}>
                {a.status === 'returned' ? '修改后重新提交' : '继续办理'}
              </Button>
            ) : (
              <Button onClick={() => navigate(`/enterprise/work-for-training/applications/${a.id}?step=1`)}>
                查看申请
              </Button>
            )}
          </Card>
        ))}
      </Space>
    </RequireEnterprise>
  );
}
