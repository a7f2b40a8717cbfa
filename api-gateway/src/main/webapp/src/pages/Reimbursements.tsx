import { Alert, Badge, Button, Group, Modal, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { invoices, tariffs, users } from '../api/endpoints';
import type { PayoutBatch, ReimbursementRate, ReimbursementRateForm, ReimbursementRateVersionForm, ReimbursementTotal } from '../api/types';
import { usePortal, useOperatorId } from '../auth/session';
import { usePaged } from '../components/hooks';
import { RateForm } from '../components/RateForm';
import { DownloadButton, EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime, formatKwh, formatMoney, formatMonth, formatPercent, formatUnitPrice, todayIn, whToKwh } from '../format';
import { useI18n } from '../i18n';

/** The version of a rate in effect on a day (else its first, when all lie ahead). */
function versionOn(rate: ReimbursementRate, day: string) {
  const sorted = [...rate.versions].sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const current = sorted.filter((v) => v.effectiveFrom <= day);
  return current.length ? current[current.length - 1] : sorted[0];
}

function RatesTab() {
  const { t, te, lang } = useI18n();
  const operatorId = useOperatorId();
  const { operator, zone } = usePortal();
  const today = todayIn(zone);
  const rates = usePaged((p) => tariffs.rates(operatorId, p), [operatorId]);
  const drivers = usePaged((p) => users.drivers(operatorId, { ...p, limit: 500 }), [operatorId]);
  const byId = useMemo(() => new Map(drivers.items.map((d) => [d.id, d])), [drivers.items]);
  const employees = drivers.items.filter((d) => d.status === 'ACTIVE');
  const userTypes = operator?.userTypes ?? ['RESIDENT', 'EMPLOYEE', 'GUEST'];
  const [editing, setEditing] = useState<ReimbursementRate | 'new' | null>(null);
  const appliesTo = (r: ReimbursementRate) =>
    r.driverId ? byId.get(r.driverId)?.name ?? r.driverId : t('rates.everyUserType', { userType: te('userType', r.userType) });
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          {t('rates.explain')}
        </Text>
        <Button onClick={() => setEditing('new')} data-testid="create-rate">
          {t('rates.create')}
        </Button>
      </Group>
      <ProblemAlert error={rates.error} />
      {rates.loading && !rates.items.length ? (
        <Loading />
      ) : rates.items.length === 0 ? (
        <EmptyState title={t('rates.emptyTitle')} hint={t('rates.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table data-testid="rates-table" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rates.appliesTo')}</Table.Th>
                <Table.Th scope="col">{t('rates.version')}</Table.Th>
                <Table.Th scope="col">{t('rates.basis')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('rates.pricePerKwh')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('rates.capPerKwh')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('rates.monthlyCap')}</Table.Th>
                <Table.Th scope="col">{t('rates.effectiveFrom')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rates.items.map((r) => {
                const v = versionOn(r, today);
                return (
                  <Table.Tr key={r.id} data-testid={`row-${r.id}`}>
                    <Table.Td>{appliesTo(r)}</Table.Td>
                    <Table.Td>
                      {v ? t('rates.versionOf', { version: v.version, count: r.versions.length }) : '—'}
                      {v?.correction && <Badge ml="xs" variant="light" color="orange" c="dark.8">{t('rates.corrected')}</Badge>}
                    </Table.Td>
                    <Table.Td>{te('rateBasis', v?.basis)}</Table.Td>
                    <Table.Td ta="right">{v?.basis === 'FIXED' ? formatUnitPrice(v.pricePerKwh, lang, operator?.currency) : t('rates.perContract')}</Table.Td>
                    <Table.Td ta="right">{v?.capPerKwh != null ? formatUnitPrice(v.capPerKwh, lang, operator?.currency) : '—'}</Table.Td>
                    <Table.Td ta="right">{v?.monthlyCap != null ? formatMoney(v.monthlyCap, lang, operator?.currency) : '—'}</Table.Td>
                    <Table.Td>{formatDate(v?.effectiveFrom, lang)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setEditing(r)} data-testid={`new-rate-version-${r.id}`} aria-label={t('rates.newVersionOf', { name: appliesTo(r) })}>
                        {t('rates.newVersion')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore next={rates.next} loading={rates.loading} onMore={rates.loadMore} count={rates.items.length} />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} size="lg" title={editing === 'new' ? t('rates.create') : editing ? t('rates.newVersionOf', { name: appliesTo(editing) }) : ''}>
        {editing !== null && editing !== 'new' && (
          <Table mb="md" data-testid="rate-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rates.version')}</Table.Th>
                <Table.Th scope="col">{t('rates.effectiveFrom')}</Table.Th>
                <Table.Th scope="col">{t('rates.basis')}</Table.Th>
                <Table.Th scope="col">{t('rates.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {editing.versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>{v.version}{v.correction && <Badge ml="xs" variant="light" color="orange" c="dark.8">{t('rates.corrected')}</Badge>}</Table.Td>
                  <Table.Td>{formatDate(v.effectiveFrom, lang)}</Table.Td>
                  <Table.Td>{te('rateBasis', v.basis)}{v.basis === 'FIXED' && ` ${formatUnitPrice(v.pricePerKwh, lang, operator?.currency)}`} · {formatPercent(v.vatRate, lang)}</Table.Td>
                  <Table.Td>{v.reason ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editing !== null && (
          <RateForm
            rate={editing === 'new' ? null : editing}
            employees={employees}
            userTypes={userTypes}
            today={today}
            onCancel={() => setEditing(null)}
            onSubmit={async (body) => {
              if (editing === 'new') await tariffs.createRate(operatorId, body as ReimbursementRateForm);
              else await tariffs.addRateVersion(editing.id, body as ReimbursementRateVersionForm);
              setEditing(null);
              rates.reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function TotalsTab() {
  const { t, lang } = useI18n();
  const operatorId = useOperatorId();
  const { zone, operator } = usePortal();
  const year = todayIn(zone).substring(0, 4);
  const [range, setRange] = useState({ from: `${year}-01`, to: todayIn(zone).substring(0, 7) });
  const [rows, setRows] = useState<ReimbursementTotal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const badRange = range.from && range.to && range.to < range.from;
  const currency = rows?.[0]?.currency ?? operator?.currency ?? 'EUR';
  const total = (rows ?? []).reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0) / 100;
  const show = async () => {
    if (badRange || !range.from || !range.to) return;
    setLoading(true);
    setError(null);
    try {
      setRows(await invoices.reimbursements(operatorId, range.from, range.to));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Stack>
      <form
        aria-label={t('reimbursements.totalsFilters')}
        onSubmit={(e) => {
          e.preventDefault();
          show();
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput type="month" label={t('reimbursements.fromMonth')} value={range.from} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} required data-testid="totals-from" />
          <TextInput type="month" label={t('reimbursements.toMonth')} value={range.to} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} required error={badRange ? t('validation.toBeforeFrom') : null} data-testid="totals-to" />
          <Button type="submit" loading={loading} data-testid="show-totals">
            {t('report.show')}
          </Button>
          <DownloadButton href={invoices.reimbursementsCsvUrl(operatorId, range.from, range.to)} label={t('reimbursements.downloadCsv')} hint={t('reimbursements.csvHint')} testId="download-reimbursements-csv" />
        </Group>
      </form>
      <ProblemAlert error={error} />
      {rows === null ? null : rows.length === 0 ? (
        <EmptyState title={t('reimbursements.noTotals')} hint={t('reimbursements.noTotalsHint')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="reimbursements-table" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rates.employee')}</Table.Th>
                <Table.Th scope="col">{t('reimbursements.month')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('reimbursements.sessions')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('sessions.energy')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('reimbursements.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.driverId}-${r.month}`} data-testid={`row-${r.driverId}-${r.month}`}>
                  <Table.Td>{r.driverName}</Table.Td>
                  <Table.Td>{formatMonth(r.month, lang)}</Table.Td>
                  <Table.Td ta="right">{r.sessions}</Table.Td>
                  <Table.Td ta="right">{formatKwh(whToKwh(r.energyWh), lang)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(r.amount, lang, r.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>{t('reimbursements.total')}</Table.Th>
                <Table.Td ta="right" fw={700} data-testid="reimbursements-total">{formatMoney(total, lang, currency)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function PayoutsTab() {
  const { t, te, lang } = useI18n();
  const operatorId = useOperatorId();
  const { zone, operator } = usePortal();
  const batches = usePaged((p) => invoices.payouts(operatorId, p), [operatorId]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<PayoutBatch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [executing, setExecuting] = useState<PayoutBatch | null>(null);
  const [executedOn, setExecutedOn] = useState('');
  const [execError, setExecError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const today = todayIn(zone);
  const create = async () => {
    setCreating(true);
    setError(null);
    setCreated(null);
    try {
      setCreated(await invoices.createPayout(operatorId));
      batches.reload();
    } catch (e) {
      setError(e);
    } finally {
      setCreating(false);
    }
  };
  const isExecuted = (b: PayoutBatch) => b.status === 'EXECUTED' || !!b.executedOn;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          {t('payouts.explain')}
        </Text>
        <Button onClick={create} loading={creating} data-testid="create-payout">
          {t('payouts.create')}
        </Button>
      </Group>
      <ProblemAlert error={error} title={t('payouts.createFailed')} />
      {created && (
        <Alert color="teal" title={t('payouts.created')} data-testid="payout-result">
          {t('payouts.createdSummary', { count: created.transactionCount ?? created.payouts?.length ?? 0, amount: formatMoney(created.controlSum ?? 0, lang, created.currency ?? operator?.currency) })}
        </Alert>
      )}
      <ProblemAlert error={batches.error} />
      {batches.loading && !batches.items.length ? (
        <Loading />
      ) : batches.items.length === 0 ? (
        <EmptyState title={t('payouts.emptyTitle')} hint={t('payouts.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="payouts-table" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('payouts.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('payouts.messageId')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('payouts.count')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('payouts.sum')}</Table.Th>
                <Table.Th scope="col">{t('invoices.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.items.map((b) => (
                <Table.Tr key={b.id} data-testid={`row-${b.id}`}>
                  <Table.Td>{formatDateTime(b.createdAt, lang, zone)}</Table.Td>
                  <Table.Td>{b.messageId ? <code>{b.messageId}</code> : '—'}</Table.Td>
                  <Table.Td ta="right">{b.transactionCount ?? b.payouts?.length ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatMoney(b.controlSum, lang, b.currency ?? operator?.currency)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={isExecuted(b) ? 'teal' : 'blue'} c="dark.8">
                      {te('payoutStatus', b.status)}
                    </Badge>
                    {b.executedOn && <Text size="xs" mt={2}>{t('payouts.executedOnDate', { date: formatDate(b.executedOn, lang) })}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <DownloadButton size="xs" href={invoices.pain001Url(operatorId, b.id)} label={t('payouts.pain001')} testId={`pain001-${b.id}`} />
                      {!isExecuted(b) && (
                        <Button size="xs" variant="light" onClick={() => { setExecuting(b); setExecutedOn(today); setExecError(null); }} data-testid={`execute-${b.id}`}>
                          {t('payouts.markExecuted')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore next={batches.next} loading={batches.loading} onMore={batches.loadMore} count={batches.items.length} />
      <Modal opened={!!executing} onClose={() => setExecuting(null)} title={t('payouts.markExecuted')}>
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!executing || !executedOn || executedOn > today) return;
            setBusy(true);
            setExecError(null);
            try {
              const done = await invoices.executePayout(operatorId, executing.id, executedOn);
              batches.replace((x) => x.id === done.id, done);
              setExecuting(null);
            } catch (err) {
              setExecError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Stack>
            <Text size="sm">{t('payouts.executeExplain')}</Text>
            <ProblemAlert error={execError} />
            <TextInput
              type="date"
              label={t('payouts.executedOn')}
              required
              max={today}
              value={executedOn}
              onChange={(e) => setExecutedOn(e.currentTarget.value)}
              error={!executedOn ? t('validation.required') : executedOn > today ? t('validation.notFuture') : null}
              data-testid="executed-on"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setExecuting(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="confirm-execution">
                {t('payouts.markExecuted')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/** Home charging of employees: what it is reimbursed at, what was reimbursed per month, and the payouts. */
export default function Reimbursements() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('reimbursements.title')} description={t('reimbursements.description')} />
      <Tabs defaultValue="rates" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="rates" data-testid="tab-rates">{t('rates.title')}</Tabs.Tab>
          <Tabs.Tab value="totals" data-testid="tab-totals">{t('reimbursements.totals')}</Tabs.Tab>
          <Tabs.Tab value="payouts" data-testid="tab-payouts">{t('payouts.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rates">
          <Title order={2} size="h4" mb="sm">{t('rates.title')}</Title>
          <RatesTab />
        </Tabs.Panel>
        <Tabs.Panel value="totals">
          <Title order={2} size="h4" mb="sm">{t('reimbursements.totals')}</Title>
          <TotalsTab />
        </Tabs.Panel>
        <Tabs.Panel value="payouts">
          <Title order={2} size="h4" mb="sm">{t('payouts.title')}</Title>
          <PayoutsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
