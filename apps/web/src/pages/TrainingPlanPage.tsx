import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { apiGet, apiSend, issuesOf } from '../api';
import { RequireEnterprise } from './EnterpriseHomePage';

interface Plan {
  id: string;
  status: 'submitted' | 'approved' | 'rejected';
  statusLabel: string;
  regionName: string;
  monthFrom: string;
  monthUntil: string;
  plannedHeadcount: number;
  submittedAt: string;
  reviewNote: string | null;
}

const months = ['2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12'].map((m) => ({
  value: m,
  label: m,
}));

/** 《昌吉州以工代训培训计划申请表》: filed online, approved by the local bureau before monthly claims. */
export function TrainingPlanPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [plans, setPlans] = useState<Plan[]>([]);
  const [regions, setRegions] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<string>();
  const load = () =>
    apiGet<{ items: Plan[] }>('/api/v1/work-for-training/training-plans').then((r) => setPlans(r.items));
  useEffect(() => {
    void load();
    void apiGet<{ regions: { code: string; fullName: string; family: string }[] }>(
      '/api/v1/work-for-training/options',
    ).then((o) =>
      setRegions(o.regions.filter((r) => r.family === 'changji').map((r) => ({ value: r.code, label: r.fullName }))),
    );
  }, []);
  return (
    <RequireEnterprise>
      <Typography.Title level={3}>昌吉州以工代训培训计划申请表</Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="昌吉州企业、个体工商户须先提交培训计划，经当地人社部门审核备案后，方可按月申报以工代训补贴（昌州人社发〔2020〕15号 四（一））。山东省企业无需提交。"
      />
      <Table<Plan>
        rowKey="id"
        size="small"
        dataSource={plans}
        pagination={false}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '区划', dataIndex: 'regionName' },
          { title: '培训期间', render: (_, p) => `${p.monthFrom} 至 ${p.monthUntil}` },
          { title: '计划人数', dataIndex: 'plannedHeadcount' },
          {
            title: '状态',
            render: (_, p) => (
              <Tag color={p.status === 'approved' ? 'green' : p.status === 'rejected' ? 'red' : 'blue'}>
                {p.statusLabel}
              </Tag>
            ),
          },
          { title: '审核意见', dataIndex: 'reviewNote' },
        ]}
      />
      <Card title="提交培训计划">
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values) => {
            setError(undefined);
            try {
              await apiSend('POST', '/api/v1/work-for-training/training-plans', values);
              message.success('培训计划已提交，等待当地人社部门审核备案');
              form.resetFields();
              await load();
            } catch (e) {
              setError((e as Error).message);
              form.setFields(issuesOf(e).map((i) => ({ name: i.path, errors: [i.message] })));
            }
          }}
        >
          <Form.Item label="所属县（市）" name="regionCode" rules={[{ required: true, message: '请选择所属县（市）' }]}>
            <Select options={regions} />
          </Form.Item>
          <Form.Item label="培训起始月份" name="monthFrom" rules={[{ required: true, message: '请选择起始月份' }]}>
            <Select options={months} />
          </Form.Item>
          <Form.Item label="培训结束月份" name="monthUntil" rules={[{ required: true, message: '请选择结束月份' }]}>
            <Select options={months} />
          </Form.Item>
          <Form.Item
            label="计划以工代训人数"
            name="plannedHeadcount"
            rules={[{ required: true, message: '请填写计划人数' }]}
          >
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item
            label="培训内容（岗位、技能）"
            name="trainingContent"
            rules={[{ required: true, message: '请填写培训内容' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="培训方式" name="trainingMethod" rules={[{ required: true, message: '请填写培训方式' }]}>
            <Input placeholder="如：以工代训、师带徒" />
          </Form.Item>
          <Form.Item
            label="带教师傅或培训负责人"
            name="instructor"
            rules={[{ required: true, message: '请填写带教师傅或培训负责人' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="联系人" name="contactPerson" rules={[{ required: true, message: '请填写联系人' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="联系电话" name="contactPhone" rules={[{ required: true, message: '请填写联系电话' }]}>
            <Input />
          </Form.Item>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit">
            提交培训计划
          </Button>
        </Form>
      </Card>
    </RequireEnterprise>
  );
}
