import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { apiSend } from '../api';
import { applySession, logout, useSession, type Account } from '../portal/session';

/** 经办人员登录 (demo officer accounts: see the start-up log). */
export function OfficerLoginPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = await apiSend<{ account: Account | null; csrfToken: string | null }>('POST', '/api/v1/auth/login', {
        ...values,
        portal: 'officer',
      });
      applySession(body);
      navigate('/officer');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="经办人员登录" style={{ maxWidth: 460, margin: '24px auto' }}>
      <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入经办人员用户名' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </Card>
  );
}

/** Where an officer lands: says honestly that the review workbench is not open yet. */
export function OfficerHomePage() {
  const navigate = useNavigate();
  const { account, loaded } = useSession();
  if (loaded && (!account || account.role === 'enterprise')) {
    return (
      <Result
        status="403"
        title="请先以经办人员身份登录"
        extra={<Button onClick={() => navigate('/officer/login')}>经办人员登录</Button>}
      />
    );
  }
  return (
    <Result
      status="info"
      title="审核工作台暂未开放"
      subTitle={`${account?.displayName ?? ''}，您已登录。审核、公示与拨付的工作台正在建设中，目前无法在线办理；企业提交的申请已按企业所属区划推送，待工作台开放后即可审核。`}
      extra={
        <Button
          onClick={async () => {
            await logout();
            navigate('/');
          }}
        >
          退出登录
        </Button>
      }
    />
  );
}
