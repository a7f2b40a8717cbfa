import { BarChart } from '@mantine/charts';
import { Card, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { sessions, users } from '../api/endpoints';
import { usePortal } from '../auth/session';
import { useAsync, usePaged } from '../components/hooks';
import { SessionsTable } from '../components/SessionsTable';
import { DownloadButton, EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { formatKwh, formatMoney, formatMonth, monthEnd, monthStart, todayIn } from '../format';
import { useI18n } from '../i18n';

export default function MySessions() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const cardId = params.get('cardId') ?? '';
  const { zone } = usePortal();
  const today = todayIn(zone);
  const from = monthStart(today, 11);
  const to = monthEnd(today);
  const report = useAsync(() => sessions.myReport({ from, to, groupBy: 'month' }), [from, to]);
  const cards = usePaged((p) => users.myCards({ ...p, limit: 100 }), []);
  const list = usePaged((p) => sessions.mine({ ...p, cardId }), [cardId]);
  const chooseCard = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('cardId', value);
    else next.delete('cardId');
    setParams(next, { replace: true });
  };
  const currency = report.data?.operator.currency ?? 'EUR';
  const groups = new Map((report.data?.groups ?? []).map((g) => [g.key ?? '', g]));
  const data = [];
  for (let i = 11; i >= 0; i--) {
    const m = monthStart(today, i).substring(0, 7);
    data.push({ month: formatMonth(m, lang), kWh: groups.get(m)?.energyKwh ?? 0, cost: Number(groups.get(m)?.cost.grossAmount ?? 0) });
  }
  return (
    <>
      <PageHeader
        title={t('my.sessionsTitle')}
        description={t('my.sessionsDescription')}
        actions={<DownloadButton href="/api/me/export" label={t('my.exportData')} hint={t('my.exportDataHint')} testId="export-my-data" />}
      />
      <Stack gap="lg">
        <Card withBorder component="section" aria-labelledby="usage-title">
          <Title order={2} size="h4" id="usage-title" mb="sm">
            {t('my.usagePerMonth')}
          </Title>
          <ProblemAlert error={report.error} />
          {report.loading ? (
            <Loading />
          ) : (
            <div
              data-testid="my-usage-chart"
              role="img"
              aria-label={t('my.usageChartLabel', { energy: formatKwh(report.data?.totals.energyKwh ?? 0, lang), cost: formatMoney(report.data?.totals.cost.grossAmount ?? 0, lang, currency) })}
            >
              <BarChart
                h={240}
                data={data}
                dataKey="month"
                withRightYAxis
                series={[
                  { name: 'kWh', color: 'teal.8', label: t('my.energyKwh') },
                  { name: 'cost', color: 'indigo.8', label: t('my.costCurrency', { currency }), yAxisId: 'right' },
                ]}
                withLegend
              />
            </div>
          )}
        </Card>
        <section aria-labelledby="list-title">
          <Title order={2} size="h4" id="list-title" mb="sm">
            {t('my.allSessions')}
          </Title>
          {(cards.items.length > 1 || cardId) && (
            <Group mb="sm" role="search" aria-label={t('sessions.filters')}>
              <NativeSelect
                label={t('sessions.card')}
                value={cardId}
                onChange={(e) => chooseCard(e.currentTarget.value)}
                data={[{ value: '', label: t('common.all') }, ...cards.items.map((c) => ({ value: c.id, label: c.label ? `${c.idTag} (${c.label})` : c.idTag }))]}
                data-testid="filter-card"
              />
            </Group>
          )}
          <ProblemAlert error={list.error} />
          {list.loading && !list.items.length ? (
            <Loading />
          ) : list.items.length === 0 ? (
            cardId ? <EmptyState title={t('sessions.emptyTitle')} hint={t('sessions.emptyHint')} /> : <EmptyState title={t('my.noSessions')} hint={t('my.noSessionsHint')} />
          ) : (
            <SessionsTable sessions={list.items} zone={zone} linkBase="/my/sessions" />
          )}
          <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} count={list.items.length} />
        </section>
      </Stack>
    </>
  );
}
