import { Alert, Button, Card, Drawer, FileInput, Group, Modal, NativeSelect, Progress, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { invoices, users } from '../api/endpoints';
import type { BillingRun, InvoiceSummary, StatementImport } from '../api/types';
import { usePortal, useOperatorId } from '../auth/session';
import { useAsync, usePaged } from '../components/hooks';
import { InvoicesTable } from '../components/InvoicesTable';
import { DownloadButton, EmptyState, LoadMore, Loading, PageHeader, ProblemAlert, fieldErrorsOf } from '../components/ui';
import { formatDate, formatDateTime, formatMoney, monthStart, todayIn } from '../format';
import { useI18n } from '../i18n';
import { isDecimal } from '../validation';

function RunsTab() {
  const { t, te, lang } = useI18n();
  const operatorId = useOperatorId();
  const { zone, operator } = usePortal();
  const runs = usePaged((p) => invoices.runs(operatorId, p), [operatorId]);
  const [periodStart, setPeriodStart] = useState(monthStart(todayIn(zone), 1));
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [last, setLast] = useState<BillingRun | null>(null);
  return (
    <Stack>
      <Card withBorder>
        <Group align="flex-end">
          <TextInput type="date" label={t('billing.periodStart')} description={t('billing.periodStartHint', { interval: te('interval', operator?.billingInterval ?? 'MONTHLY') })} value={periodStart} onChange={(e) => setPeriodStart(e.currentTarget.value)} data-testid="billing-period-start" />
          <Button
            loading={running}
            disabled={!periodStart}
            data-testid="start-billing-run"
            onClick={async () => {
              setRunning(true);
              setError(null);
              setLast(null);
              try {
                setLast(await invoices.startRun(operatorId, periodStart));
                runs.reload();
              } catch (e) {
                setError(e);
              } finally {
                setRunning(false);
              }
            }}
          >
            {t('billing.startRun')}
          </Button>
        </Group>
        {running && (
          <Stack gap={4} mt="sm" role="status">
            <Text size="sm">{t('billing.running')}</Text>
            <Progress value={100} animated striped aria-label={t('billing.running')} />
          </Stack>
        )}
      </Card>
      <ProblemAlert error={error} title={t('billing.runFailed')} />
      {last && (
        <Alert color="teal" title={t('billing.runDone')} data-testid="billing-run-result">
          {t('billing.runSummary', { invoices: last.invoicesIssued, statements: last.statementsIssued, held: last.held, gross: formatMoney(last.grossAmount, lang), first: last.firstNumber ?? '—', last: last.lastNumber ?? '—' })}
        </Alert>
      )}
      <ProblemAlert error={runs.error} />
      {runs.loading && !runs.items.length ? (
        <Loading />
      ) : runs.items.length === 0 ? (
        <EmptyState title={t('billing.noRuns')} hint={t('billing.noRunsHint')} />
      ) : (
        <Table data-testid="billing-runs-table" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('invoices.period')}</Table.Th>
              <Table.Th scope="col">{t('billing.trigger')}</Table.Th>
              <Table.Th scope="col">{t('invoices.status')}</Table.Th>
              <Table.Th scope="col">{t('billing.completed')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('billing.issued')}</Table.Th>
              <Table.Th scope="col">{t('billing.numbers')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('invoices.gross')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.items.map((r) => (
              <Table.Tr key={r.id} data-testid={`row-${r.id}`}>
                <Table.Td>{t('invoices.periodRange', { from: formatDate(r.periodStart, lang), to: formatDate(r.periodEnd, lang) })}</Table.Td>
                <Table.Td>{te('trigger', r.trigger)}</Table.Td>
                <Table.Td>{te('runStatus', r.status)}</Table.Td>
                <Table.Td>{formatDateTime(r.completedAt, lang, zone)}</Table.Td>
                <Table.Td ta="right">{t('billing.issuedCounts', { invoices: r.invoicesIssued, statements: r.statementsIssued, held: r.held })}</Table.Td>
                <Table.Td>{r.firstNumber ? `${r.firstNumber} – ${r.lastNumber}` : '—'}</Table.Td>
                <Table.Td ta="right">{formatMoney(r.grossAmount, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore next={runs.next} loading={runs.loading} onMore={runs.loadMore} count={runs.items.length} />
    </Stack>
  );
}

function InvoiceDrawer({ invoice, onClose, onChanged }: { invoice: InvoiceSummary; onClose: () => void; onChanged: () => void }) {
  const { t, te, lang } = useI18n();
  const { zone } = usePortal();
  const detail = useAsync(() => invoices.get(invoice.id), [invoice.id]);
  const [amount, setAmount] = useState(String(invoice.outstandingAmount ?? ''));
  const [paidOn, setPaidOn] = useState(todayIn(zone));
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const amountErr = amount && (!isDecimal(amount, 2) || Number(amount.replace(',', '.')) < 0.01) ? t('validation.amount') : null;
  const server = fieldErrorsOf(error);
  const run = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
      detail.reload();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const d = detail.data;
  const receivable = ['ISSUED', 'PARTIALLY_PAID', 'OVERDUE', 'WRITTEN_OFF'].includes(invoice.status);
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('invoices.detailTitle', { number: invoice.number ?? t('invoices.notIssued') })}>
      <Stack>
        {invoice.status !== 'OPEN' && (
          <Group>
            <DownloadButton href={invoices.pdfUrl(invoice.id)} label="PDF" />
            {invoice.kind !== 'STATEMENT' && invoice.kind !== 'REIMBURSEMENT' && <DownloadButton href={invoices.ublUrl(invoice.id)} label={t('invoices.ubl')} testId={`invoice-ubl-${invoice.id}`} />}
            <DownloadButton href={invoices.csvUrl(invoice.id)} label="CSV" />
          </Group>
        )}
        <ProblemAlert error={error ?? detail.error} />
        {!d ? (
          <Loading />
        ) : (
          <>
            <SimpleGrid cols={3}>
              <div><Text size="xs" c="dimmed">{t('invoices.customer')}</Text><Text size="sm">{d.customer?.companyName ?? d.customer?.name ?? '—'}</Text></div>
              <div><Text size="xs" c="dimmed">{t('invoices.status')}</Text><Text size="sm">{te('invoiceStatus', d.status)}</Text></div>
              <div><Text size="xs" c="dimmed">{t('invoices.outstanding')}</Text><Text size="sm">{formatMoney(d.outstandingAmount, lang, d.currency)}</Text></div>
            </SimpleGrid>
            <Title order={3} size="h5">{t('invoices.payments')}</Title>
            {d.payments.length === 0 ? (
              <Text size="sm">{t('invoices.noPayments')}</Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {d.payments.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{formatDate(p.paidOn, lang)}</Table.Td>
                      <Table.Td>{te('paymentMethod', p.method)}</Table.Td>
                      <Table.Td>{p.reference ?? '—'}</Table.Td>
                      <Table.Td ta="right">{formatMoney(p.amount, lang, d.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {d.reminders.length > 0 && (
              <>
                <Title order={3} size="h5">{t('invoices.dunning')}</Title>
                {d.reminders.map((r, i) => (
                  <Text size="sm" key={i}>
                    {t('invoices.reminderLine', { step: te('reminder', r.step), date: formatDate(r.sentOn, lang), days: r.daysOverdue, amount: formatMoney(r.outstandingAmount, lang, d.currency) })}
                  </Text>
                ))}
              </>
            )}
            {d.creditNotes.length > 0 && (
              <>
                <Title order={3} size="h5">{t('invoices.creditNotes')}</Title>
                {d.creditNotes.map((c) => (
                  <Text size="sm" key={c.id}>{`${c.number} · ${formatDate(c.issueDate, lang)} · ${formatMoney(c.grossAmount, lang, d.currency)} · ${c.reason}`}</Text>
                ))}
              </>
            )}
            {receivable && d.kind === 'INVOICE' && (
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">{t('invoices.registerPayment')}</Title>
                <SimpleGrid cols={3}>
                  <TextInput label={t('invoices.amount')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountErr ?? server.amount} data-testid="payment-amount" />
                  <TextInput type="date" label={t('invoices.paidOn')} max={todayIn(zone)} value={paidOn} onChange={(e) => setPaidOn(e.currentTarget.value)} error={server.paidOn} />
                  <TextInput label={t('invoices.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} maxLength={200} />
                </SimpleGrid>
                <Group mt="sm">
                  <Button loading={busy === 'pay'} disabled={!amount || !!amountErr || !paidOn} data-testid="register-payment" onClick={() => run('pay', () => invoices.pay(invoice.id, { amount: Number(amount.replace(',', '.')), paidOn, reference: reference || undefined }))}>
                    {t('invoices.registerPayment')}
                  </Button>
                </Group>
              </Card>
            )}
            {d.kind === 'INVOICE' && invoice.status !== 'OPEN' && (
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">{t('invoices.creditOrWriteOff')}</Title>
                <Textarea label={t('invoices.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
                <Group mt="sm">
                  <Button variant="light" loading={busy === 'credit'} disabled={!reason.trim()} onClick={() => run('credit', () => invoices.credit(invoice.id, { reason: reason.trim() }))}>
                    {t('invoices.creditAll')}
                  </Button>
                  {receivable && invoice.status !== 'WRITTEN_OFF' && (
                    <Button variant="subtle" color="red" c="red.9" loading={busy === 'writeoff'} disabled={!reason.trim()} onClick={() => run('writeoff', () => invoices.writeOff(invoice.id, reason.trim()))}>
                      {t('invoices.writeOff')}
                    </Button>
                  )}
                </Group>
              </Card>
            )}
          </>
        )}
      </Stack>
    </Drawer>
  );
}

function InvoicesTab() {
  const { t, te } = useI18n();
  const operatorId = useOperatorId();
  const [params] = useSearchParams();
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [kind, setKind] = useState('');
  const [period, setPeriod] = useState('');
  const list = usePaged((p) => invoices.list({ ...p, operatorId, status, kind, period }), [operatorId, status, kind, period]);
  const drivers = usePaged((p) => users.drivers(operatorId, { ...p, limit: 500 }), [operatorId]);
  const names = useMemo(() => new Map(drivers.items.map((d) => [d.id, d.name])), [drivers.items]);
  const [open, setOpen] = useState<InvoiceSummary | null>(null);
  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect label={t('invoices.status')} value={status} onChange={(e) => setStatus(e.currentTarget.value)} data={[{ value: '', label: t('common.all') }, ...['OPEN', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'CREDITED', 'WRITTEN_OFF', 'CLOSED'].map((s) => ({ value: s, label: te('invoiceStatus', s) }))]} data-testid="invoice-status-filter" />
        <NativeSelect label={t('invoices.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={[{ value: '', label: t('common.all') }, ...['INVOICE', 'CREDIT_NOTE', 'STATEMENT', 'REIMBURSEMENT'].map((s) => ({ value: s, label: te('documentKind', s) }))]} />
        <TextInput type="date" label={t('invoices.periodContaining')} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} />
      </Group>
      <ProblemAlert error={list.error} />
      {list.loading && !list.items.length ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('invoices.emptyTitle')} hint={t('invoices.emptyHint')} />
      ) : (
        <InvoicesTable
          items={list.items}
          driverName={(id) => names.get(id)}
          actions={(i) => (
            <Button size="xs" variant="light" onClick={() => setOpen(i)} data-testid={`open-invoice-${i.id}`} aria-label={t('invoices.openOf', { number: i.number ?? '' })}>
              {t('common.open')}
            </Button>
          )}
        />
      )}
      <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} count={list.items.length} />
      {open && <InvoiceDrawer invoice={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
    </Stack>
  );
}

function PaymentsTab() {
  const { t, lang } = useI18n();
  const operatorId = useOperatorId();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<StatementImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <Stack maw={960}>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">{t('billing.statementTitle')}</Title>
        <Text size="sm" mb="sm">{t('billing.statementExplain')}</Text>
        <Group align="flex-end">
          <FileInput label={t('billing.statementFile')} accept=".csv,text/csv,text/plain" value={file} onChange={setFile} clearable w={360} data-testid="statement-file" />
          <Button
            disabled={!file}
            loading={busy}
            data-testid="import-statement"
            onClick={async () => {
              setBusy(true);
              setError(null);
              setResult(null);
              try {
                setResult(await invoices.importStatement(operatorId, await file!.text()));
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('billing.importStatement')}
          </Button>
        </Group>
        {busy && <Text size="sm" role="status" mt="xs">{t('billing.importing')}</Text>}
      </Card>
      <ProblemAlert error={error} />
      {result && (
        <Alert color={result.unmatched.length ? 'yellow' : 'teal'} title={t('billing.statementDone')} data-testid="statement-result">
          <Text size="sm">{t('billing.statementSummary', { rows: result.rows, booked: result.booked, amount: formatMoney(result.bookedAmount, lang), already: result.alreadyImported, outgoing: result.outgoing })}</Text>
          {result.unmatched.length > 0 && (
            <Table mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('billing.line')}</Table.Th>
                  <Table.Th scope="col">{t('invoices.amount')}</Table.Th>
                  <Table.Th scope="col">{t('billing.text')}</Table.Th>
                  <Table.Th scope="col">{t('billing.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.unmatched.map((u) => (
                  <Table.Tr key={u.line}>
                    <Table.Td>{u.line}</Table.Td>
                    <Table.Td>{formatMoney(u.amount, lang)}</Table.Td>
                    <Table.Td>{u.text}</Table.Td>
                    <Table.Td>{u.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">{t('billing.journal')}</Title>
        <Group align="flex-end">
          <TextInput type="date" label={t('filters.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t('filters.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <DownloadButton href={invoices.journalUrl(operatorId, from || undefined, to || undefined)} label={t('billing.downloadJournal')} testId="download-journal" />
        </Group>
      </Card>
    </Stack>
  );
}

function DirectDebitTab() {
  const { t, te, lang } = useI18n();
  const operatorId = useOperatorId();
  const { zone } = usePortal();
  const batches = usePaged((p) => invoices.batches(operatorId, p), [operatorId]);
  const [date, setDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [skipped, setSkipped] = useState<{ number?: string | null; reason: string }[]>([]);
  const [settling, setSettling] = useState<string | null>(null);
  const [returned, setReturned] = useState('');
  const today = todayIn(zone);
  return (
    <Stack>
      <Card withBorder>
        <Group align="flex-end">
          <TextInput type="date" label={t('billing.collectionDate')} min={today} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={date && date <= today ? t('validation.afterToday') : null} />
          <Button
            disabled={!date || date <= today}
            loading={busy}
            data-testid="create-direct-debit"
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                const b = await invoices.createBatch(operatorId, date);
                setSkipped(b.skipped);
                batches.reload();
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('billing.createBatch')}
          </Button>
        </Group>
      </Card>
      <ProblemAlert error={error ?? batches.error} />
      {skipped.length > 0 && (
        <Alert color="yellow" title={t('billing.skipped', { count: skipped.length })}>
          {skipped.map((s, i) => (
            <Text size="sm" key={i}>{`${s.number ?? '—'}: ${s.reason}`}</Text>
          ))}
        </Alert>
      )}
      {batches.items.length === 0 && !batches.loading ? (
        <EmptyState title={t('billing.noBatches')} hint={t('billing.noBatchesHint')} />
      ) : (
        <Table data-testid="direct-debits-table" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('billing.collectionDate')}</Table.Th>
              <Table.Th scope="col">{t('invoices.status')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('billing.debits')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('invoices.amount')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.items.map((b) => (
              <Table.Tr key={b.id} data-testid={`row-${b.id}`}>
                <Table.Td>{formatDate(b.collectionDate, lang)}</Table.Td>
                <Table.Td>{te('batchStatus', b.status)}</Table.Td>
                <Table.Td ta="right">{b.transactionCount}</Table.Td>
                <Table.Td ta="right">{formatMoney(b.controlSum, lang)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <DownloadButton size="xs" href={invoices.painUrl(operatorId, b.id)} label={t('billing.pain008')} testId={`pain008-${b.id}`} />
                    {b.status === 'SUBMITTED' && (
                      <Button size="xs" variant="light" onClick={() => { setReturned(''); setSettling(b.id); }}>
                        {t('billing.settle')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore next={batches.next} loading={batches.loading} onMore={batches.loadMore} count={batches.items.length} />
      <Modal opened={!!settling} onClose={() => setSettling(null)} title={t('billing.settle')}>
        <Stack>
          <Text size="sm">{t('billing.settleExplain')}</Text>
          {settling && (
            <Stack gap={4}>
              {batches.items.find((b) => b.id === settling)?.debits.map((d) => (
                <label key={d.invoiceId}>
                  <input
                    type="checkbox"
                    checked={returned.split(',').includes(d.invoiceId)}
                    onChange={(e) => {
                      const set = new Set(returned.split(',').filter(Boolean));
                      if (e.currentTarget.checked) set.add(d.invoiceId);
                      else set.delete(d.invoiceId);
                      setReturned([...set].join(','));
                    }}
                  />{' '}
                  {t('billing.returnedDebit', { number: d.number ?? d.endToEndId, amount: formatMoney(d.amount, lang) })}
                </label>
              ))}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button
              onClick={async () => {
                const id = settling!;
                setSettling(null);
                try {
                  await invoices.settleBatch(operatorId, id, returned.split(',').filter(Boolean));
                  batches.reload();
                } catch (e) {
                  setError(e);
                }
              }}
            >
              {t('billing.settle')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ReceivablesTab() {
  const { t, lang } = useI18n();
  const operatorId = useOperatorId();
  const r = useAsync(() => invoices.receivables(operatorId), [operatorId]);
  return (
    <Stack>
      <ProblemAlert error={r.error} />
      {r.loading && <Loading />}
      {r.data && r.data.totals.length === 0 && <EmptyState title={t('billing.nothingOwed')} />}
      {r.data?.totals.map((c) => (
        <SimpleGrid key={c.currency} cols={{ base: 1, sm: 3 }} data-testid="receivables">
          <Card withBorder><Text size="xs" c="dimmed">{t('billing.receivable', { count: c.receivableInvoices })}</Text><Text fw={700}>{formatMoney(c.outstandingAmount, lang, c.currency)}</Text></Card>
          <Card withBorder><Text size="xs" c="dimmed">{t('billing.overdue', { count: c.overdueInvoices })}</Text><Text fw={700} c="red.9">{formatMoney(c.overdueAmount, lang, c.currency)}</Text></Card>
          <Card withBorder><Text size="xs" c="dimmed">{t('billing.open', { count: c.openInvoices })}</Text><Text fw={700}>{formatMoney(c.openGrossAmount, lang, c.currency)}</Text></Card>
        </SimpleGrid>
      ))}
      {r.data && <Text size="xs">{t('dashboard.asOf', { date: formatDate(r.data.asOf, lang) })}</Text>}
    </Stack>
  );
}

export default function Billing() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'runs';
  return (
    <>
      <PageHeader title={t('billing.title')} description={t('billing.description')} />
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="runs">{t('billing.runs')}</Tabs.Tab>
          <Tabs.Tab value="invoices" data-testid="tab-invoices">{t('billing.invoices')}</Tabs.Tab>
          <Tabs.Tab value="payments" data-testid="tab-payments">{t('billing.payments')}</Tabs.Tab>
          <Tabs.Tab value="direct-debits" data-testid="tab-direct-debits">{t('billing.directDebits')}</Tabs.Tab>
          <Tabs.Tab value="receivables" data-testid="tab-receivables">{t('billing.receivables')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="runs"><RunsTab /></Tabs.Panel>
        <Tabs.Panel value="invoices"><InvoicesTab /></Tabs.Panel>
        <Tabs.Panel value="payments"><PaymentsTab /></Tabs.Panel>
        <Tabs.Panel value="direct-debits"><DirectDebitTab /></Tabs.Panel>
        <Tabs.Panel value="receivables"><ReceivablesTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}
