import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { sessions, users } from '../api/endpoints';
import type { Query } from '../api/client';
import type { Report } from '../api/types';
import { usePortal, useOperatorId } from '../auth/session';
import { usePaged } from '../components/hooks';
import { DownloadButton, EmptyState, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime, formatDuration, formatKwh, formatMoney, monthEnd, monthStart, todayIn } from '../format';
import { useI18n } from '../i18n';

const GROUPS = ['', 'month', 'day', 'site', 'charger', 'driver', 'card', 'userType'];
const SHOWN_ROWS = 200;

export default function ChargeReport() {
  const { t, te, lang } = useI18n();
  const operatorId = useOperatorId();
  const { zone, operator } = usePortal();
  const today = todayIn(zone);
  const [q, setQ] = useState({ from: monthStart(today), to: monthEnd(today), siteId: '', chargePointId: '', driverId: '', userType: '', siteKind: '', status: '', groupBy: 'driver' });
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const sites = usePaged((p) => users.sites(operatorId, { ...p, limit: 500 }), [operatorId]);
  const chargers = usePaged((p) => users.chargers(operatorId, { ...p, limit: 500 }), [operatorId]);
  const drivers = usePaged((p) => users.drivers(operatorId, { ...p, limit: 500 }), [operatorId]);
  const query: Query = { operatorId, ...q };
  const badPeriod = q.from && q.to && q.to < q.from;
  const set = (k: keyof typeof q) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setQ({ ...q, [k]: e.currentTarget.value });
  const currency = report?.operator.currency ?? operator?.currency ?? 'EUR';

  const show = async () => {
    if (badPeriod) return;
    setLoading(true);
    setError(null);
    try {
      setReport(await sessions.report(query));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('report.title')}
        description={t('report.description')}
        actions={
          <>
            <DownloadButton href={sessions.reportUrl(query, 'csv')} label={t('report.downloadCsv')} testId="download-report-csv" />
            <DownloadButton href={sessions.reportUrl(query, 'xlsx')} label={t('report.downloadXlsx')} testId="download-report-xlsx" />
          </>
        }
      />
      <Stack>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            show();
          }}
          aria-label={t('report.filters')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput type="date" label={t('filters.from')} value={q.from} onChange={set('from')} data-testid="report-from" />
            <TextInput type="date" label={t('filters.to')} value={q.to} onChange={set('to')} error={badPeriod ? t('validation.toBeforeFrom') : null} data-testid="report-to" />
            <NativeSelect label={t('chargers.site')} value={q.siteId} onChange={set('siteId')} data={[{ value: '', label: t('common.all') }, ...sites.items.map((s) => ({ value: s.id, label: s.name }))]} />
            <NativeSelect label={t('sites.kind')} value={q.siteKind} onChange={set('siteKind')} data={[{ value: '', label: t('common.all') }, ...['SHARED', 'HOME'].map((k) => ({ value: k, label: te('siteKind', k) }))]} data-testid="report-site-kind" />
            <NativeSelect label={t('sessions.charger')} value={q.chargePointId} onChange={set('chargePointId')} data={[{ value: '', label: t('common.all') }, ...chargers.items.map((c) => ({ value: c.chargePointId, label: c.chargePointId }))]} />
            <NativeSelect label={t('sessions.driver')} value={q.driverId} onChange={set('driverId')} data={[{ value: '', label: t('common.all') }, ...drivers.items.map((d) => ({ value: d.id, label: d.name }))]} />
            <NativeSelect label={t('drivers.userType')} value={q.userType} onChange={set('userType')} data={[{ value: '', label: t('common.all') }, ...(operator?.userTypes ?? []).map((u) => ({ value: u, label: te('userType', u) }))]} />
            <NativeSelect label={t('sessions.status')} value={q.status} onChange={set('status')} data={[{ value: '', label: t('report.completedOnly') }, ...['ACTIVE', 'AWAITING_START', 'HELD'].map((s) => ({ value: s, label: te('sessionStatus', s) }))]} />
            <NativeSelect label={t('report.groupBy')} value={q.groupBy} onChange={set('groupBy')} data={GROUPS.map((g) => ({ value: g, label: g ? te('groupBy', g) : t('report.perSession') }))} data-testid="report-group-by" />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit" loading={loading} data-testid="show-report">
              {t('report.show')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('report.periodRule')}
            </Text>
          </Group>
        </form>
        <ProblemAlert error={error} />
        {loading && <Loading />}
        {!report && !loading && <EmptyState title={t('report.notShown')} hint={t('report.notShownHint')} />}
        {report && (
          <>
            <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="report-totals">
              <Card withBorder><Text size="xs" c="dimmed">{t('report.sessions')}</Text><Text fw={700}>{report.totals.sessions}</Text></Card>
              <Card withBorder><Text size="xs" c="dimmed">{t('sessions.energy')}</Text><Text fw={700}>{formatKwh(report.totals.energyKwh, lang)}</Text></Card>
              <Card withBorder><Text size="xs" c="dimmed">{t('session.connected')}</Text><Text fw={700}>{formatDuration(report.totals.connectedSeconds)}</Text></Card>
              <Card withBorder><Text size="xs" c="dimmed">{t('price.gross')}</Text><Text fw={700}>{formatMoney(report.totals.cost.grossAmount, lang, currency)}</Text></Card>
              <Card withBorder><Text size="xs" c="dimmed">{t('report.unpriced')}</Text><Text fw={700}>{report.totals.unpricedSessions}</Text></Card>
            </SimpleGrid>
            <Text size="xs">{t('report.periodShown', { from: formatDate(report.period.from, lang), to: formatDate(report.period.to, lang), zone: report.period.timeZone })}</Text>
            {report.groups ? (
              <Table.ScrollContainer minWidth={700}>
                <Table data-testid="report-table" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{te('groupBy', report.groupBy ?? '')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('report.sessions')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('sessions.energy')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('session.charging')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('price.net')}</Table.Th>
                      <Table.Th scope="col" ta="right">{t('price.gross')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.groups.map((g) => (
                      <Table.Tr key={g.key}>
                        <Table.Td>{g.label ?? g.key ?? '—'}</Table.Td>
                        <Table.Td ta="right">{g.sessions}</Table.Td>
                        <Table.Td ta="right">{formatKwh(g.energyKwh, lang)}</Table.Td>
                        <Table.Td ta="right">{formatDuration(g.chargingSeconds)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(g.cost.netAmount, lang, currency)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(g.cost.grossAmount, lang, currency)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <>
                <Table.ScrollContainer minWidth={800}>
                  <Table data-testid="report-table" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('sessions.started')}</Table.Th>
                        <Table.Th scope="col">{t('chargers.site')}</Table.Th>
                        <Table.Th scope="col">{t('sessions.charger')}</Table.Th>
                        <Table.Th scope="col">{t('sessions.driver')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('sessions.energy')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('price.gross')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {(report.sessions ?? []).slice(0, SHOWN_ROWS).map((r) => (
                        <Table.Tr key={r.sessionId}>
                          <Table.Td>{formatDateTime(r.startedAt, lang, zone)}</Table.Td>
                          <Table.Td>{r.siteName ?? '—'}</Table.Td>
                          <Table.Td>{r.chargePointId}</Table.Td>
                          <Table.Td>{r.driverName ?? r.idTag ?? '—'}</Table.Td>
                          <Table.Td ta="right">{formatKwh(r.energyKwh, lang)}</Table.Td>
                          <Table.Td ta="right">{r.cost ? formatMoney(r.cost.grossAmount, lang, r.cost.currency) : t('sessions.unpriced')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {(report.sessions?.length ?? 0) > SHOWN_ROWS && <Text size="sm">{t('report.truncated', { shown: SHOWN_ROWS, total: report.sessions!.length })}</Text>}
              </>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
