import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Table, Typography } from 'antd';
import { BankOutlined, TeamOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { apiGet } from '../api';

interface Contact {
  businessLine: string;
  regionLabel: string;
  department: string;
  phone: string;
}

export function HomePage() {
  const navigate = useNavigate();
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    apiGet<{ items: Contact[] }>('/api/contacts')
      .then((r) => setContacts(r.items))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2}>稳岗扩岗服务平台</Typography.Title>
        <Typography.Paragraph type="secondary">
          企业稳岗扩岗专项支持计划：以工代训补贴、稳岗返还、一次性留工培训补助、一次性扩岗补助等政策的网上申报、审核、公示与拨付。
        </Typography.Paragraph>
      </div>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Card>
            <Space direction="vertical">
              <Typography.Title level={4}>
                <BankOutlined /> 单位登录
              </Typography.Title>
              <Typography.Text>企业经办人使用手机号登录，维护单位信息、申报补贴、查询办理进度。</Typography.Text>
              <Button type="primary" size="large" onClick={() => navigate('/enterprise/login')}>
                单位登录
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            <Space direction="vertical">
              <Typography.Title level={4}>
                <TeamOutlined /> 经办人员登录
              </Typography.Title>
              <Typography.Text>人社、财政部门经办人员审核申请、发布公示、办理拨付。</Typography.Text>
              <Button size="large" onClick={() => navigate('/officer/login')}>
                经办人员登录
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>
      <Card title="经办机构、服务电话（聊城市）">
        {error ? <Alert type="error" message={`服务电话加载失败：${error}`} /> : null}
        <Table<Contact>
          size="small"
          rowKey={(c) => `${c.businessLine}-${c.regionLabel}`}
          dataSource={contacts}
          pagination={{ pageSize: 12, showTotal: (total) => `共 ${total} 条` }}
          columns={[
            { title: '业务', dataIndex: 'businessLine' },
            { title: '县（市、区）', dataIndex: 'regionLabel' },
            { title: '业务部门', dataIndex: 'department' },
            { title: '联系方式', dataIndex: 'phone' },
          ]}
        />
      </Card>
    </Space>
  );
}
