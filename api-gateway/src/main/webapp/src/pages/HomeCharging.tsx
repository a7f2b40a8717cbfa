import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { invoices, sessions, tariffs } from '../api/endpoints';
import type { EnergyContract, MyReimbursementRate } from '../api/types';
import { usePortal } from '../auth/session';
import { EnergyContractForm } from '../components/EnergyContractForm';
import { useAsync, usePaged } from '../components/hooks';
import { InvoicesTable } from '../components/InvoicesTable';
import { SessionsTable } from '../components/SessionsTable';
import { EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { formatDate, formatMoney, formatUnitPrice } from '../format';
import { useI18n } from '../i18n';

/** A driver's own reimbursement rate: 404 means none applies (an empty state, not an error). */
async function myRateOrNone(): Promise<MyReimbursementRate | null> {
  try {
    return await tariffs.myRate();
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

function RateCard() {
  const { t, te, lang } = useI18n();
  const rate = useAsync(myRateOrNone, []);
  const r = rate.data;
  const fact = (label: string, value: string, testId?: string) => (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} data-testid={testId}>{value}</Text>
    </div>
  );
  return (
    <Card withBorder component="section" aria-labelledby="rate-title">
      <Title order={2} size="h4" id="rate-title" mb="sm">
        {t('home.rateTitle')}
      </Title>
      <ProblemAlert error={rate.error} />
      {rate.loading ? (
        <Loading />
      ) : !r ? (
        !rate.error && <EmptyState title={t('home.noRate')} hint={t('home.noRateHint')} />
      ) : (
        <Stack gap="sm" data-testid="my-rate">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {fact(t('rates.basis'), te('rateBasis', r.basis), 'my-rate-basis')}
            {r.basis === 'FIXED'
              ? fact(t('rates.pricePerKwh'), formatUnitPrice(r.pricePerKwh, lang), 'my-rate-price')
              : fact(t('rates.capPerKwh'), r.capPerKwh != null ? formatUnitPrice(r.capPerKwh, lang) : t('rates.noCap'), 'my-rate-cap')}
            {fact(t('rates.monthlyCap'), r.monthlyCap != null ? formatMoney(r.monthlyCap, lang) : t('rates.noCap'), 'my-rate-monthly-cap')}
            {fact(t('rates.effectiveFrom'), formatDate(r.effectiveFrom, lang))}
          </SimpleGrid>
          {r.basis === 'CONTRACT' && (
            <Text size="sm" data-testid="my-rate-contract">
              {r.contract
                ? t('home.rateOfContract', {
                    supplier: r.contract.supplier,
                    day: formatUnitPrice(r.contract.dayPricePerKwh, lang),
                    night: r.contract.nightPricePerKwh != null ? formatUnitPrice(r.contract.nightPricePerKwh, lang) : formatUnitPrice(r.contract.dayPricePerKwh, lang),
                  })
                : t('home.rateNeedsContract')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

export function ContractsTable({ contracts }: { contracts: EnergyContract[] }) {
  const { t, lang } = useI18n();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table data-testid="contracts-table" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('contracts.supplier')}</Table.Th>
            <Table.Th scope="col">{t('contracts.valid')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('contracts.dayPrice')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('contracts.nightPrice')}</Table.Th>
            <Table.Th scope="col">{t('contracts.nightHours')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((c) => (
            <Table.Tr key={c.id} data-testid={`row-${c.id}`}>
              <Table.Td>{c.supplier}</Table.Td>
              <Table.Td>
                {c.validTo ? t('invoices.periodRange', { from: formatDate(c.validFrom, lang), to: formatDate(c.validTo, lang) }) : t('contracts.since', { from: formatDate(c.validFrom, lang) })}
              </Table.Td>
              <Table.Td ta="right">{formatUnitPrice(c.dayPricePerKwh, lang)}</Table.Td>
              <Table.Td ta="right">{c.nightPricePerKwh != null ? formatUnitPrice(c.nightPricePerKwh, lang) : '—'}</Table.Td>
              <Table.Td>
                {c.nightPricePerKwh != null ? t('contracts.hours', { start: c.nightStart, end: c.nightEnd }) : '—'}
                {c.nightPricePerKwh != null && c.weekendsAtNightPrice && (
                  <Badge ml="xs" variant="light" c="dark.8">{t('contracts.weekends')}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** An employee's home charging: the rate it is reimbursed at, the energy contracts, the sessions and the statements. */
export default function HomeCharging() {
  const { t } = useI18n();
  const { zone } = usePortal();
  const [adding, setAdding] = useState(false);
  const home = usePaged((p) => sessions.mine({ ...p, siteKind: 'HOME' }), []);
  const statements = usePaged(async (p) => {
    const page = await invoices.mine({ ...p, kind: 'REIMBURSEMENT' });
    return { ...page, items: page.items.filter((i) => i.kind === 'REIMBURSEMENT') };
  }, []);
  const contracts = usePaged((p) => tariffs.myContracts(p), []);
  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.description')} />
      <Stack gap="lg">
        <RateCard />
        <section aria-labelledby="contracts-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="contracts-title">
              {t('contracts.title')}
            </Title>
            <Button onClick={() => setAdding(true)} data-testid="add-contract">
              {t('contracts.add')}
            </Button>
          </Group>
          <ProblemAlert error={contracts.error} />
          {contracts.loading && !contracts.items.length ? (
            <Loading />
          ) : contracts.items.length === 0 ? (
            <EmptyState title={t('contracts.emptyTitle')} hint={t('contracts.emptyHint')} />
          ) : (
            <ContractsTable contracts={contracts.items} />
          )}
          <LoadMore next={contracts.next} loading={contracts.loading} onMore={contracts.loadMore} count={contracts.items.length} />
        </section>
        <section aria-labelledby="statements-title">
          <Title order={2} size="h4" id="statements-title" mb="sm">
            {t('home.statementsTitle')}
          </Title>
          <ProblemAlert error={statements.error} />
          {statements.loading && !statements.items.length ? (
            <Loading />
          ) : statements.items.length === 0 ? (
            <EmptyState title={t('home.noStatements')} hint={t('home.noStatementsHint')} />
          ) : (
            <InvoicesTable items={statements.items} />
          )}
          <LoadMore next={statements.next} loading={statements.loading} onMore={statements.loadMore} count={statements.items.length} />
        </section>
        <section aria-labelledby="home-sessions-title">
          <Title order={2} size="h4" id="home-sessions-title" mb="sm">
            {t('home.sessionsTitle')}
          </Title>
          <ProblemAlert error={home.error} />
          {home.loading && !home.items.length ? (
            <Loading />
          ) : home.items.length === 0 ? (
            <EmptyState title={t('home.noSessions')} hint={t('home.noSessionsHint')} />
          ) : (
            <SessionsTable sessions={home.items} zone={zone} linkBase="/my/sessions" />
          )}
          <LoadMore next={home.next} loading={home.loading} onMore={home.loadMore} count={home.items.length} />
        </section>
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('contracts.add')} size="lg">
        <EnergyContractForm
          onCancel={() => setAdding(false)}
          onSubmit={async (body) => {
            await tariffs.addMyContract(body);
            setAdding(false);
            contracts.reload();
          }}
        />
      </Modal>
    </>
  );
}
