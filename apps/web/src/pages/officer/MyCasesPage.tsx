/**
 * 稳岗返还等: the enterprise's cases opened by the workbench (screened findings and claims) with the
 * status it sees, the reason of a rejection, the payment date, and its own steps: confirm a
 * screened finding with the commitment (鲁人社字〔2020〕26号: 由企业进行确认、承诺资料的真实性、准确性),
 * or add the commitment after a prepayment (先预拨、后承诺).
 */
import { App, Button, Card, Checkbox, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { apiSend } from '../../api';
import { RequireEnterprise } from '../EnterpriseHomePage';
import { ErrorAlert, money, useApi } from './common';

interface MyCase {
  id: string;
  title: string;
  claimMonth: string | null;
  amountFen: number;
  status: string;
  statusLabel: string;
  reason: string | null;
  paidOn: string | null;
  paidFen: number;
  actionNeeded: string | null;
}

const COMMITMENT =
  '本单位承诺：所确认的参保缴费、裁员等数据真实、准确，生产经营活动符合国家及所在区域产业结构调整和环保政策；如有不实，愿退回全部资金并承担相应责任。';

export function MyCasesPage() {
  const { message } = App.useApp();
  const { data, error, reload } = useApi<{ items: MyCase[] }>('/api/v1/my/cases');
  const [confirming, setConfirming] = useState<{ c: MyCase; action: 'confirm' | 'commit' } | null>(null);
  const [agreed, setAgreed] = useState(false);
  return (
    <RequireEnterprise>
      <Typography.Title level={3}>补贴办理进度</Typography.Title>
      <ErrorAlert error={error} />
      {data && data.items.length === 0 ? <Empty description="暂无办理中的补贴" /> : null}
      {data && data.items.length ? (
        <Card>
          <Table<MyCase>
            rowKey="id"
            dataSource={data.items}
            pagination={false}
            columns={[
              { title: '事项', dataIndex: 'title' },
              { title: '金额', dataIndex: 'amountFen', render: (v: number) => money(v) },
              {
                title: '状态',
                dataIndex: 'statusLabel',
                render: (s: string, r) => (
                  <Tag color={r.status === 'rejected' ? 'red' : r.paidOn ? 'green' : 'blue'}>{s}</Tag>
                ),
              },
              { title: '到账日期', dataIndex: 'paidOn', render: (v: string | null) => v ?? '—' },
              { title: '说明', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
              {
                title: '操作',
                key: 'op',
                render: (_: unknown, r) => (
                  <Space>
                    {r.status === 'confirmation' ? (
                      <Button type="primary" size="small" onClick={() => setConfirming({ c: r, action: 'confirm' })}>
                        确认并承诺
                      </Button>
                    ) : null}
                    {r.status === 'prepaid' ? (
                      <Button type="primary" size="small" onClick={() => setConfirming({ c: r, action: 'commit' })}>
                        补充承诺
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      <Modal
        open={confirming !== null}
        title={confirming?.action === 'confirm' ? '确认补贴信息并承诺' : '预拨资金到账后补充承诺'}
        okText="提交"
        cancelText="取消"
        okButtonProps={{ disabled: !agreed }}
        onCancel={() => setConfirming(null)}
        onOk={async () => {
          try {
            await apiSend('POST', `/api/v1/my/cases/${confirming!.c.id}/actions`, {
              action: confirming!.action,
              commitment: COMMITMENT,
            });
            message.success('已提交');
            setConfirming(null);
            setAgreed(false);
            reload();
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        <Typography.Paragraph>
          {confirming?.c.title}：{money(confirming?.c.amountFen)}
        </Typography.Paragraph>
        <Typography.Paragraph>{COMMITMENT}</Typography.Paragraph>
        <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)}>
          我单位已阅读并作出上述承诺
        </Checkbox>
      </Modal>
    </RequireEnterprise>
  );
}
