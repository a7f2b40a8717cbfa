import { Center, Stack, Text } from '@mantine/core';
import { lazy, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useMe, usePortal } from './auth/session';
import { Layout } from './components/Layout';
import { Loading, ProblemAlert } from './components/ui';
import { todayIn } from './format';
import { useI18n } from './i18n';
import { startDashboard } from './pages/dashboardData';

const Dashboard = lazy(() => import('./pages/Dashboard'));
const Chargers = lazy(() => import('./pages/Chargers'));
const Drivers = lazy(() => import('./pages/Drivers'));
const Tariffs = lazy(() => import('./pages/Tariffs'));
const Sessions = lazy(() => import('./pages/Sessions'));
const SessionDetail = lazy(() => import('./pages/SessionDetail'));
const ChargeReport = lazy(() => import('./pages/ChargeReport'));
const Billing = lazy(() => import('./pages/Billing'));
const Settings = lazy(() => import('./pages/Settings'));
const Operators = lazy(() => import('./pages/Operators'));
const MySessions = lazy(() => import('./pages/MySessions'));
const MyInvoices = lazy(() => import('./pages/MyInvoices'));
const MyCards = lazy(() => import('./pages/MyCards'));
const PriceAtCharger = lazy(() => import('./pages/PriceAtCharger'));
const Reimbursements = lazy(() => import('./pages/Reimbursements'));
const HomeCharging = lazy(() => import('./pages/HomeCharging'));

function NotFound() {
  const { t } = useI18n();
  return (
    <Stack>
      <h1>{t('notFound.title')}</h1>
      <Text>{t('notFound.hint')}</Text>
    </Stack>
  );
}

function PortalRoutes() {
  const portal = usePortal();
  const { pathname } = useLocation();
  useEffect(() => {
    // the start page of an operator's admin is its dashboard: its data is asked for while its code loads
    if (pathname === '/' && portal.operatorId) startDashboard(portal.operatorId, todayIn(portal.zone));
    // only for the page the portal opened on
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const home = portal.operatorId ? <Dashboard /> : portal.isPlatformAdmin ? <Navigate to="/operators" replace /> : portal.isDriver ? <Navigate to="/my/sessions" replace /> : <NoRole />;
  return (
    <Layout>
      <Routes>
        <Route path="/" element={home} />
        {portal.operatorId && (
          <>
            <Route path="/chargers" element={<Chargers />} />
            <Route path="/drivers" element={<Drivers />} />
            <Route path="/tariffs" element={<Tariffs />} />
            <Route path="/sessions" element={<Sessions />} />
            <Route path="/sessions/:sessionId" element={<SessionDetail />} />
            <Route path="/report" element={<ChargeReport />} />
            <Route path="/billing" element={<Billing />} />
            <Route path="/reimbursements" element={<Reimbursements />} />
            <Route path="/settings" element={<Settings />} />
          </>
        )}
        {portal.isPlatformAdmin && <Route path="/operators" element={<Operators />} />}
        {portal.isDriver && (
          <>
            <Route path="/my/sessions" element={<MySessions />} />
            <Route path="/my/sessions/:sessionId" element={<SessionDetail />} />
            <Route path="/my/invoices" element={<MyInvoices />} />
            <Route path="/my/cards" element={<MyCards />} />
            <Route path="/my/price" element={<PriceAtCharger />} />
            <Route path="/my/home" element={<HomeCharging />} />
          </>
        )}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}

function NoRole() {
  const { t } = useI18n();
  return (
    <Stack>
      <h1>{t('noRole.title')}</h1>
      <Text>{t('noRole.hint')}</Text>
    </Stack>
  );
}

export default function App() {
  const { me, error } = useMe();
  if (error) {
    return (
      <Center h="100vh" p="md" component="main">
        <ProblemAlert error={error} />
      </Center>
    );
  }
  if (!me) {
    return (
      <Center h="100vh" component="main">
        <Loading />
      </Center>
    );
  }
  return (
    <SessionProvider me={me}>
      <PortalRoutes />
    </SessionProvider>
  );
}
