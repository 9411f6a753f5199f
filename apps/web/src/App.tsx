import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { EnterpriseHomePage, ServicesPage } from './pages/EnterpriseHomePage';
import { EnterpriseLoginPage, EnterpriseRegisterPage, PasswordResetPage } from './pages/EnterpriseLoginPage';
import { OfficerLoginPage } from './pages/OfficerPages';
import { CasePage } from './pages/officer/CasePage';
import { AuditPage, FundsPage, RecoveriesPage, WorkflowsPage } from './pages/officer/LedgerPages';
import { MyCasesPage } from './pages/officer/MyCasesPage';
import { PaymentBatchPage, PaymentsPage } from './pages/officer/PaymentPages';
import { PublicityBatchPage, PublicityPage, PublicPublicityPage } from './pages/officer/PublicityPages';
import { CasesPage, QueuePage } from './pages/officer/QueuePage';
import { ScreeningPage, ScreeningRunPage } from './pages/officer/ScreeningPage';
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
        <Route path="/officer" element={<QueuePage />} />
        <Route path="/officer/cases" element={<CasesPage />} />
        <Route path="/officer/cases/:id" element={<CasePage />} />
        <Route path="/officer/publicity" element={<PublicityPage />} />
        <Route path="/officer/publicity/:id" element={<PublicityBatchPage />} />
        <Route path="/officer/payments" element={<PaymentsPage />} />
        <Route path="/officer/payments/:id" element={<PaymentBatchPage />} />
        <Route path="/officer/funds" element={<FundsPage />} />
        <Route path="/officer/recoveries" element={<RecoveriesPage />} />
        <Route path="/officer/workflows" element={<WorkflowsPage />} />
        <Route path="/officer/audit" element={<AuditPage />} />
        <Route path="/officer/screening" element={<ScreeningPage />} />
        <Route path="/officer/screening/runs/:id" element={<ScreeningRunPage />} />
        <Route path="/enterprise/cases" element={<MyCasesPage />} />
        <Route path="/publicity" element={<PublicPublicityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
