/** Shared pieces of the officer workbench pages: the shell with its menu, data loading, tags. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { apiGet } from '../../api';
import { useSession, type Account } from '../../portal/session';

export type Role = Account['role'];

export const roleLabels: Record<Role, string> = {
  enterprise: '企业用户',
  county_reviewer: '县（市、区）审核员',
  prefecture_reviewer: '市（州）复审员',
  finance: '财政拨付员',
  policy_admin: '政策管理员',
  auditor: '审计员（只读）',
};

export const fundOptions = [
  { value: 'skills_account', label: '职业技能提升行动专账资金' },
  { value: 'unemployment_insurance', label: '失业保险基金' },
  { value: 'employment_subsidy', label: '就业补助资金' },
];

/** `123456` fen → `1,234.56 元` */
export function money(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')} 元`;
}

export const time = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

/** Loads a GET endpoint; `reload` fetches again. */
export function useApi<T>(path: string | null): {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
} {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setLoading(true);
    apiGet<T>(path)
      .then((d) => {
        if (live) {
          setData(d);
          setError(undefined);
        }
      })
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export interface DeadlineFlags {
  dueOn: string | null;
  overdue: boolean;
  dueToday: boolean;
  workingDaysLeft: number | null;
  deadlineLabel?: string | null;
}

/** 已超期 / 今日到期 / 剩余 N 个工作日, with the limit's wording as a tooltip. */
export function DeadlineTag({ flags }: { flags: DeadlineFlags }) {
  if (!flags.dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  const title = flags.deadlineLabel ?? undefined;
  if (flags.overdue) {
    return (
      <Tag color="red" title={title}>
        已超期（期限 {flags.dueOn}）
      </Tag>
    );
  }
  if (flags.dueToday) {
    return (
      <Tag color="orange" title={title}>
        今日到期
      </Tag>
    );
  }
  return (
    <Tag color="blue" title={title}>
      {flags.dueOn} 前（剩 {flags.workingDaysLeft} 个工作日）
    </Tag>
  );
}

export function ErrorAlert({ error }: { error: string | undefined }) {
  return error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null;
}

const menu: { key: string; label: string; roles: readonly Role[] }[] = [
  { key: '/officer', label: '待办队列', roles: ['county_reviewer', 'prefecture_reviewer', 'finance'] },
  {
    key: '/officer/cases',
    label: '案件查询',
    roles: ['county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor'],
  },
  {
    key: '/officer/publicity',
    label: '公示管理',
    roles: ['county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor'],
  },
  {
    key: '/officer/screening',
    label: '免申即享筛查',
    roles: ['county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor'],
  },
  { key: '/officer/payments', label: '资金拨付', roles: ['finance', 'auditor'] },
  {
    key: '/officer/funds',
    label: '资金账户',
    roles: ['county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor'],
  },
  {
    key: '/officer/recoveries',
    label: '资金追回',
    roles: ['county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor'],
  },
  {
    key: '/officer/workflows',
    label: '业务流程',
    roles: ['county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor'],
  },
  { key: '/officer/audit', label: '审计日志', roles: ['auditor'] },
];

/** The workbench frame: menu by role; a way to log in otherwise. */
export function OfficerShell({ children, title }: { children: (account: Account) => ReactNode; title: string }) {
  const { account, loaded } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (!loaded) return <Spin />;
  if (!account || account.role === 'enterprise') {
    return (
      <Result
        status="403"
        title="请先以经办人员身份登录"
        extra={
          <Button type="primary" onClick={() => navigate('/officer/login')}>
            经办人员登录
          </Button>
        }
      />
    );
  }
  const items = menu.filter((m) => m.roles.includes(account.role));
  const selected = [...items]
    .sort((a, b) => b.key.length - a.key.length)
    .find((m) => location.pathname.startsWith(m.key));
  return (
    <Layout style={{ background: 'transparent' }}>
      <Layout.Sider width={170} theme="light" style={{ background: 'transparent', marginRight: 16 }}>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected.key] : []}
          items={items.map((m) => ({ key: m.key, label: <Link to={m.key}>{m.label}</Link> }))}
          aria-label="审核工作台菜单"
        />
      </Layout.Sider>
      <Layout.Content style={{ minWidth: 0 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {account.displayName} · {roleLabels[account.role]}
          </Typography.Text>
        </Space>
        {children(account)}
      </Layout.Content>
    </Layout>
  );
}
