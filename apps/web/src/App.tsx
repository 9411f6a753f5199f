import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { EnterpriseHomePage, ServicesPage } from './pages/EnterpriseHomePage';
import { EnterpriseLoginPage, EnterpriseRegisterPage, PasswordResetPage } from './pages/EnterpriseLoginPage';
import { OfficerHomePage, OfficerLoginPage } from './pages/OfficerPages';
import { TrainingPlanPage } from './pages/TrainingPlanPage';
import { ApplicationPage, ApplyPage } from './pages/WorkForTrainingApply';
import { ProgressPage } from './pages/WorkForTrainingProgress';

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/enterprise/login" element={<EnterpriseLoginPage />} />
        <Route path="/enterprise/register" element={<EnterpriseRegisterPage />} />
        <Route path="/enterprise/reset-password" element={<PasswordResetPage />} />
        <Route path="/enterprise" element={<EnterpriseHomePage />} />
        <Route path="/enterprise/services" element={<ServicesPage />} />
        <Route path="/enterprise/work-for-training/apply" element={<ApplyPage />} />
        <Route path="/enterprise/work-for-training/applications/:id" element={<ApplicationPage />} />
        <Route path="/enterprise/work-for-training/progress" element={<ProgressPage />} />
        <Route path="/enterprise/work-for-training/plans" element={<TrainingPlanPage />} />
        <Route path="/officer/login" element={<OfficerLoginPage />} />
        <Route path="/officer" element={<OfficerHomePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
