import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { checkMobile } from '@wengang/kernel';
import { ApiError, apiSend, issuesOf } from '../api';
import { applySession, type Account } from '../portal/session';

interface SessionBody {
  account: Account | null;
  csrfToken: string | null;
}

/** Same check and words as the server (@wengang/kernel). */
export const mobileRule = {
  validator: async (_: unknown, value: string | undefined) => {
    if (!value) throw new Error('请填写手机号码');
    const r = checkMobile(value);
    if (!r.ok) throw new Error(`手机号有误：${r.message}`);
  },
};

/** 单位登录: 用户名（手机号码）、密码；用户不存在时提示「首次登录点此注册」。 */
export function EnterpriseLoginPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [unknownUser, setUnknownUser] = useState(false);
  const [busy, setBusy] = useState(false);
  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    setUnknownUser(false);
    try {
      const body = await apiSend<SessionBody>('POST', '/api/v1/auth/login', { ...values, portal: 'enterprise' });
      applySession(body);
      navigate('/enterprise');
    } catch (e) {
      setError((e as Error).message);
      setUnknownUser(e instanceof ApiError && (e.body as { error?: string } | null)?.error === 'user_not_found');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="单位登录" style={{ maxWidth: 460, margin: '24px auto' }}>
      <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="用户名（手机号码）" name="username" rules={[mobileRule]}>
          <Input autoComplete="username" placeholder="请输入注册时的手机号码" maxLength={20} />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" placeholder="请输入密码" />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
        <Link to="/enterprise/register" style={unknownUser ? { fontWeight: 600 } : undefined}>
          首次登录点此注册
        </Link>
        <Link to="/enterprise/reset-password">忘记密码？</Link>
      </Space>
    </Card>
  );
}

/** 首次登录点此注册: 手机号 + 短信验证码 + 密码。 */
export function EnterpriseRegisterPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [demoCode, setDemoCode] = useState<string>();
  const [cooldown, setCooldown] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const sendCode = async () => {
    try {
      const phone = (await form.validateFields(['phone'])).phone as string;
      const r = await apiSend<{ sent: true; demoCode?: string }>('POST', '/api/v1/auth/phone-codes', {
        phone,
        purpose: 'register',
      });
      setDemoCode(r.demoCode);
      message.success('验证码已发送');
      setCooldown(60);
      const timer = setInterval(() => setCooldown((c) => (c <= 1 ? (clearInterval(timer), 0) : c - 1)), 1000);
    } catch (e) {
      if (e instanceof Error) setError(e.message);
    }
  };

  const onFinish = async (values: { phone: string; code: string; password: string; displayName?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = await apiSend<SessionBody>('POST', '/api/v1/auth/register', values);
      applySession(body);
      message.success('注册成功，已登录');
      navigate('/enterprise');
    } catch (e) {
      setError((e as Error).message);
      form.setFields(issuesOf(e).map((i) => ({ name: i.path, errors: [i.message] })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="注册单位账号" style={{ maxWidth: 480, margin: '24px auto' }}>
      <Typography.Paragraph type="secondary">
        用户名为经办人手机号码。注册后登录，首次申报时填写单位信息（统一社会信用代码等）。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label="手机号码" name="phone" rules={[mobileRule]}>
          <Input autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item label="短信验证码" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入短信验证码' }]}>
              <Input maxLength={6} placeholder="6 位数字" aria-label="短信验证码" />
            </Form.Item>
            <Button onClick={sendCode} disabled={cooldown > 0}>
              {cooldown > 0 ? `${cooldown} 秒后重发` : '获取验证码'}
            </Button>
          </Space.Compact>
        </Form.Item>
        {demoCode ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`演示模式：未接入短信网关，验证码为 ${demoCode}`}
            description="正式环境中验证码只通过短信发送。"
          />
        ) : null}
        <Form.Item
          label="密码"
          name="password"
          rules={[
            { required: true, message: '请设置密码' },
            { min: 8, max: 64, message: '密码长度应为 8–64 位' },
            { pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/, message: '密码应同时包含字母和数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入密码' },
            ({ getFieldValue }) => ({
              validator: async (_, v) => {
                if (v && v !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="经办人姓名（选填）" name="displayName">
          <Input maxLength={30} />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={busy}>
          注册并登录
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <Link to="/enterprise/login">已有账号，返回登录</Link>
      </div>
    </Card>
  );
}

/** 找回密码：手机验证码重置。 */
export function PasswordResetPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [demoCode, setDemoCode] = useState<string>();
  const [error, setError] = useState<string>();
  const sendCode = async () => {
    try {
      const phone = (await form.validateFields(['phone'])).phone as string;
      const r = await apiSend<{ demoCode?: string }>('POST', '/api/v1/auth/phone-codes', { phone, purpose: 'reset' });
      setDemoCode(r.demoCode);
      message.success('验证码已发送');
    } catch (e) {
      if (e instanceof Error) setError(e.message);
    }
  };
  const onFinish = async (values: { phone: string; code: string; newPassword: string }) => {
    setError(undefined);
    try {
      await apiSend('POST', '/api/v1/auth/password-reset', values);
      message.success('密码已重置，请用新密码登录');
      navigate('/enterprise/login');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Card title="找回密码" style={{ maxWidth: 460, margin: '24px auto' }}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label="手机号码（用户名）" name="phone" rules={[mobileRule]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="短信验证码" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入短信验证码' }]}>
              <Input maxLength={6} aria-label="短信验证码" />
            </Form.Item>
            <Button onClick={sendCode}>获取验证码</Button>
          </Space.Compact>
        </Form.Item>
        {demoCode ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`演示模式：验证码为 ${demoCode}`} />
        ) : null}
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: '请设置新密码' },
            { min: 8, max: 64, message: '密码长度应为 8–64 位' },
            { pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/, message: '密码应同时包含字母和数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" block>
          重置密码
        </Button>
      </Form>
    </Card>
  );
}
