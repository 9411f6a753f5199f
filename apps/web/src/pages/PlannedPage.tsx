import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

/** An honest page for a function that is not available yet: it says so instead of pretending. */
export function PlannedPage({ title }: { title: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      title={`${title}暂未开放`}
      subTitle="该功能正在建设中，目前无法办理。如需办理业务，请拨打首页所列经办机构服务电话。"
      extra={<Button onClick={() => navigate('/')}>返回首页</Button>}
    />
  );
}
