import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，请检查网址或返回首页。"
      extra={<Button onClick={() => navigate('/')}>返回首页</Button>}
    />
  );
}
