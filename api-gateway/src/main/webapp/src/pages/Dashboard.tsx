import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePortal, useOperatorId } from '../auth/session';
import { useAsync } from '../components/hooks';
import { EmptyState, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime, formatKwh, formatMoney, formatMonth, formatNumber, monthEnd, monthStart, todayIn } from '../format';
import { useI18n } from '../i18n';
import { dashboardAnswer } from './dashboardData';

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Card withBorder data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Card>
  );
}

export default function Dashboard() {
  const { t, lang } = useI18n();
  const operatorId = useOperatorId();
  const { zone, operator } = usePortal();
  const today = todayIn(zone);
  const from = monthStart(today, 11);
  const to = monthEnd(today);
  const answer = <N extends Parameters<typeof dashboardAnswer>[2]>(name: N) => () => dashboardAnswer(operatorId, today, name);
  const report = useAsync(answer('report'), [operatorId, from, to]);
  const presence = useAsync(answer('presence'), [operatorId]);
  const pending = useAsync(answer('pending'), [operatorId]);
  const held = useAsync(answer('held'), [operatorId]);
  const receivables = useAsync(answer('receivables'), [operatorId]);
  const overdue = useAsync(answer('overdue'), [operatorId]);

  const months: string[] = [];
  for (let i = 11; i >= 0; i--) months.push(monthStart(today, i).substring(0, 7));
  const groups = new Map((report.data?.groups ?? []).map((g) => [g.key ?? '', g]));
  const data = months.map((m) => ({
    month: formatMonth(m, lang),
    energy: groups.get(m)?.energyKwh ?? 0,
    revenue: Number(groups.get(m)?.cost.grossAmount ?? 0),
  }));
  const eur = receivables.data?.totals.find((c) => c.currency === 'EUR') ?? receivables.data?.totals[0];
  const currency = operator?.currency ?? 'EUR';

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={operator ? t('dashboard.welcome', { operator: operator.legalName }) : undefined} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Stat
            testId="stat-chargers"
            label={t('dashboard.chargersOnline')}
            value={presence.data ? t('dashboard.onlineOf', { online: presence.data.online, total: presence.data.total }) : '…'}
            hint={presence.data ? t('dashboard.offline', { count: presence.data.total - presence.data.online }) : undefined}
          />
          <Stat testId="stat-held" label={t('dashboard.held')} value={held.data ? String(held.data.items.length) + (held.data.next ? '+' : '') : '…'} hint={t('dashboard.heldHint')} />
          <Stat testId="stat-overdue" label={t('dashboard.overdue')} value={eur ? formatMoney(eur.overdueAmount, lang, eur.currency) : '…'} hint={eur ? t('dashboard.overdueCount', { count: eur.overdueInvoices }) : undefined} />
          <Stat testId="stat-outstanding" label={t('dashboard.outstanding')} value={eur ? formatMoney(eur.outstandingAmount, lang, eur.currency) : '…'} hint={eur ? t('dashboard.asOf', { date: formatDate(receivables.data!.asOf, lang) }) : undefined} />
        </SimpleGrid>
        <ProblemAlert error={report.error ?? presence.error ?? receivables.error} />
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Card withBorder component="section" aria-labelledby="energy-title">
            <Title order={2} size="h4" id="energy-title" mb="sm">
              {t('dashboard.energyPerMonth')}
            </Title>
            {report.loading ? (
              <Loading />
            ) : (
              <div data-testid="energy-chart" role="img" aria-label={t('dashboard.energyChartLabel', { total: formatKwh(report.data?.totals.energyKwh ?? 0, lang) })}>
                <BarChart h={240} data={data} dataKey="month" series={[{ name: 'energy', color: 'teal.8', label: 'kWh' }]} valueFormatter={(v) => formatNumber(v, lang, 0)} />
              </div>
            )}
          </Card>
          <Card withBorder component="section" aria-labelledby="revenue-title">
            <Title order={2} size="h4" id="revenue-title" mb="sm">
              {t('dashboard.revenuePerMonth')}
            </Title>
            {report.loading ? (
              <Loading />
            ) : (
              <div data-testid="revenue-chart" role="img" aria-label={t('dashboard.revenueChartLabel', { total: formatMoney(report.data?.totals.cost.grossAmount ?? 0, lang, currency) })}>
                <BarChart h={240} data={data} dataKey="month" series={[{ name: 'revenue', color: 'indigo.8', label: currency }]} valueFormatter={(v) => formatMoney(v, lang, currency, 0)} />
              </div>
            )}
          </Card>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Card withBorder component="section" aria-labelledby="held-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="held-title">
                {t('dashboard.heldSessions')}
              </Title>
              <Anchor component={Link} to="/sessions?status=HELD" size="sm">
                {t('dashboard.allHeld')}
              </Anchor>
            </Group>
            {held.data && held.data.items.length === 0 ? (
              <EmptyState title={t('dashboard.noHeld')} />
            ) : (
              <Table>
                <Table.Tbody>
                  {held.data?.items.map((s) => (
                    <Table.Tr key={s.sessionId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sessions/${s.sessionId}`}>
                          {formatDateTime(s.startedAt, lang, zone)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{s.chargePointId}</Table.Td>
                      <Table.Td>{s.heldReason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Card withBorder component="section" aria-labelledby="overdue-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="overdue-title">
                {t('dashboard.overdueInvoices')}
              </Title>
              <Anchor component={Link} to="/billing?tab=invoices&status=OVERDUE" size="sm">
                {t('dashboard.allOverdue')}
              </Anchor>
            </Group>
            {overdue.data && overdue.data.items.length === 0 ? (
              <EmptyState title={t('dashboard.noOverdue')} />
            ) : (
              <Table>
                <Table.Tbody>
                  {overdue.data?.items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>{i.number}</Table.Td>
                      <Table.Td>{t('dashboard.dueOn', { date: formatDate(i.dueDate, lang) })}</Table.Td>
                      <Table.Td ta="right">{formatMoney(i.outstandingAmount, lang, i.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </SimpleGrid>
        {pending.data && pending.data.items.length > 0 && (
          <Card withBorder>
            <Group justify="space-between">
              <Text>{t('dashboard.pendingChargers', { count: pending.data.items.length })}</Text>
              <Anchor component={Link} to="/chargers?status=PENDING_APPROVAL">
                {t('dashboard.review')}
              </Anchor>
            </Group>
          </Card>
        )}
      </Stack>
    </>
  );
}
