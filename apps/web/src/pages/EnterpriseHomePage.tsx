import type { ReactNode } from 'react';
import { Button, Card, Col, Result, Row, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { logout, useSession } from '../portal/session';

/** Shown in the header: 【公共就业】 (top right, as in the guide), the user and 退出. */
export function HeaderAccount() {
  const navigate = useNavigate();
  const { account } = useSession();
  if (!account) return null;
  return (
    <Space style={{ marginLeft: 'auto' }}>
      {account.role === 'enterprise' ? (
        <Button onClick={() => navigate('/enterprise/services')}>公共就业</Button>
      ) : null}
      <Typography.Text style={{ color: '#fff' }}>{account.displayName}</Typography.Text>
      <Button
        type="text"
        style={{ color: '#fff' }}
        onClick={async () => {
          await logout();
          navigate('/');
        }}
      >
        退出
      </Button>
    </Space>
  );
}

/** Pages of signed-in enterprise users: a way back to login otherwise. */
export function RequireEnterprise({ children }: { children: ReactNode }) {
  const { account, loaded } = useSession();
  const navigate = useNavigate();
  if (!loaded) return null;
  if (!account || account.role !== 'enterprise') {
    return (
      <Result
        status="403"
        title="请先登录单位账号"
        extra={
          <Button type="primary" onClick={() => navigate('/enterprise/login')}>
            单位登录
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}

/** After login: the home page with 【公共就业】 at the top right. */
export function EnterpriseHomePage() {
  const { account } = useSession();
  return (
    <RequireEnterprise>
      <Card>
        <Typography.Title level={3}>欢迎，{account?.displayName}</Typography.Title>
        <Typography.Paragraph>
          请点击右上方的【公共就业】进入功能展示页面，找到【以工代训补贴申报】办理申报或查询审核进度。
        </Typography.Paragraph>
        <Link to="/enterprise/services">
          <Button type="primary">公共就业</Button>
        </Link>
      </Card>
    </RequireEnterprise>
  );
}

/** 功能展示页面: the tile 【以工代训补贴申报】 with 【办理】 and 【查询】. */
export function ServicesPage() {
  const navigate = useNavigate();
  return (
    <RequireEnterprise>
      <Typography.Title level={3}>公共就业</Typography.Title>
      <Row gutter={24}>
        <Col xs={24} md={12} lg={8}>
          <Card title="以工代训补贴申报" aria-label="以工代训补贴申报">
            <Typography.Paragraph type="secondary">
              企业稳岗扩岗专项支持计划：新吸纳劳动者就业、受疫情影响的企业按月申报以工代训职业培训补贴，每人每月 500
              元（昌吉州 300 元），最长 6 个月。
            </Typography.Paragraph>
            <Space>
              <Button type="primary" onClick={() => navigate('/enterprise/work-for-training/apply')}>
                办理
              </Button>
              <Button onClick={() => navigate('/enterprise/work-for-training/progress')}>查询</Button>
              <Button type="link" onClick={() => navigate('/enterprise/work-for-training/plans')}>
                培训计划（昌吉州）
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>
    </RequireEnterprise>
  );
}
