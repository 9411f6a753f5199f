import type { ReactNode } from 'react';
import { Layout as AntLayout, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { HeaderAccount } from '../pages/EnterpriseHomePage';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Header style={{ display: 'flex', alignItems: 'center', background: '#c8161d' }}>
        <Link to="/" style={{ color: '#fff', fontSize: 20, fontWeight: 600 }}>
          稳岗扩岗服务平台
        </Link>
        <HeaderAccount />
      </AntLayout.Header>
      <AntLayout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        {children}
      </AntLayout.Content>
      <AntLayout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">稳岗扩岗服务平台 · 政策依据以人社部门正式发布文件为准</Typography.Text>
      </AntLayout.Footer>
    </AntLayout>
  );
}
