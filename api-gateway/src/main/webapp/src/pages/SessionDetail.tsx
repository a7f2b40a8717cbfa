import { LineChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { sessions, tariffs } from '../api/endpoints';
import type { ChargingSession } from '../api/types';
import { usePortal } from '../auth/session';
import { useAsync } from '../components/hooks';
import { SessionStatusBadge } from '../components/SessionsTable';
import { Loading, PageHeader, ProblemAlert } from '../components/ui';
import { formatDateTime, formatDuration, formatKwh, formatMoney, formatNumber, formatPercent, formatUnitPrice, instantToZoned, intlLocale, zonedToInstant } from '../format';
import { useI18n } from '../i18n';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

/** A time on the curve's axis: the hour for a session of one day, with the date for a longer one. */
function axisTime(ms: number, lang: string, zone: string, withDate: boolean): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone: zone,
    ...(withDate ? { day: '2-digit', month: '2-digit' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
}

/** The energy register over the session as the charger reported it (session-service's meter values). */
function MeterCurve({ s, zone }: { s: ChargingSession; zone: string }) {
  const { t, lang } = useI18n();
  // a session that charges grows; a correction changes the bill, not the charger's readings
  const curve = useAsync(() => sessions.meterValues(s.sessionId), [s.sessionId, s.status]);
  if (curve.error) return <ProblemAlert error={curve.error} />;
  if (!curve.data) return <Loading />;
  const samples = curve.data.samples.filter((p) => p.energyWh != null);
  if (samples.length === 0) return <Text size="sm">{t('session.noMeter')}</Text>;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const points = samples.map((p) => ({ at: Date.parse(p.at), kWh: p.energyWh! / 1000 }));
  const span = points[points.length - 1].at - points[0].at;
  const withDate = span > 20 * 3600 * 1000;
  // the curve begins at the start, which no correction moves; a corrected meter start or stop shows apart
  const fromStart = s.startedAt != null && Date.parse(s.startedAt) === Date.parse(first.at);
  const corrected = fromStart && s.meterStartWh != null && s.meterStopWh != null && (s.meterStartWh !== first.registerWh || s.meterStopWh !== last.registerWh);
  return (
    <div data-testid="meter-curve-chart" role="img" aria-label={t('session.meterCurveLabel', { energy: formatKwh(last.energyWh! / 1000, lang) })}>
      <LineChart
        h={240}
        data={points}
        dataKey="at"
        series={[{ name: 'kWh', color: 'teal.8', label: t('session.energyDelivered') }]}
        curveType="linear"
        withDots={points.length <= 60}
        xAxisProps={{ type: 'number', scale: 'time', domain: ['dataMin', 'dataMax'], tickFormatter: (v: number) => axisTime(v, lang, zone, withDate) }}
        // recharts also asks for the label of a tooltip that points at nothing yet
        tooltipProps={{ labelFormatter: (v) => (Number.isFinite(Number(v)) && v !== null && v !== '' ? formatDateTime(new Date(Number(v)).toISOString(), lang, zone) : '') }}
        valueFormatter={(v) => formatKwh(v, lang)}
        yAxisProps={{ tickFormatter: (v: number) => formatNumber(v, lang, 1) }}
        yAxisLabel="kWh"
      />
      <Text size="xs" c="dimmed" mt={4}>
        {t('session.meterCurveReported', { start: formatNumber(first.registerWh, lang, 0), stop: formatNumber(last.registerWh, lang, 0), count: samples.length })}
      </Text>
      {corrected && (
        <Text size="xs" c="dimmed">
          {t('session.meterCurveCorrected', { start: formatNumber(s.meterStartWh, lang, 0), stop: formatNumber(s.meterStopWh, lang, 0) })}
        </Text>
      )}
    </div>
  );
}

function CorrectForm({ s, zone, onDone }: { s: ChargingSession; zone: string; onDone: (s: ChargingSession) => void }) {
  const { t } = useI18n();
  const [stoppedAt, setStoppedAt] = useState(instantToZoned(s.stoppedAt, zone));
  const [meterStart, setMeterStart] = useState(s.meterStartWh?.toString() ?? '');
  const [meterStop, setMeterStop] = useState(s.meterStopWh?.toString() ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const start = meterStart === '' ? null : Number(meterStart);
  const stop = meterStop === '' ? null : Number(meterStop);
  const errs = {
    meterStart: start != null && (!Number.isInteger(start) || start < 0) ? t('validation.wholeWh') : null,
    meterStop: stop != null && (!Number.isInteger(stop) || stop < 0) ? t('validation.wholeWh') : stop != null && start != null && stop < start ? t('validation.stopBelowStart') : null,
    reason: touched && reason.trim() === '' ? t('validation.reasonRequired') : reason.length > 1000 ? t('validation.maxLength', { max: 1000 }) : null,
  };
  const submit = async () => {
    setTouched(true);
    if (reason.trim() === '' || errs.meterStart || errs.meterStop) return;
    const body: { stoppedAt?: string; meterStartWh?: number; meterStopWh?: number; reason: string } = { reason: reason.trim() };
    const stopInstant = stoppedAt ? zonedToInstant(stoppedAt, zone) : null;
    if (stopInstant && stoppedAt !== instantToZoned(s.stoppedAt, zone)) body.stoppedAt = stopInstant;
    if (start != null && start !== s.meterStartWh) body.meterStartWh = start;
    if (stop != null && stop !== s.meterStopWh) body.meterStopWh = stop;
    setBusy(true);
    setError(null);
    try {
      onDone(await sessions.correct(s.sessionId, body));
      setReason('');
      setTouched(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack component="section" aria-labelledby="correct-title">
      <Title order={3} id="correct-title">
        {t('session.correctTitle')}
      </Title>
      <ProblemAlert error={error} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="datetime-local" label={t('session.stoppedAt')} description={t('common.inZone', { zone })} value={stoppedAt} onChange={(e) => setStoppedAt(e.currentTarget.value)} />
        <TextInput label={t('session.meterStartWh')} inputMode="numeric" value={meterStart} onChange={(e) => setMeterStart(e.currentTarget.value)} error={errs.meterStart} />
        <TextInput label={t('session.meterStopWh')} inputMode="numeric" value={meterStop} onChange={(e) => setMeterStop(e.currentTarget.value)} error={errs.meterStop} />
      </SimpleGrid>
      <Textarea label={t('session.reason')} required value={reason} onChange={(e) => { setReason(e.currentTarget.value); setTouched(true); }} error={errs.reason} data-testid="correction-reason" />
      <Group>
        <Button onClick={submit} loading={busy} data-testid="save-correction">
          {t('session.saveCorrection')}
        </Button>
      </Group>
    </Stack>
  );
}

function ReleaseForm({ s, onDone }: { s: ChargingSession; onDone: (s: ChargingSession) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const err = touched && reason.trim() === '' ? t('validation.reasonRequired') : null;
  return (
    <Stack component="section" aria-labelledby="release-title">
      <Title order={3} id="release-title">
        {t('session.releaseTitle')}
      </Title>
      <Text size="sm">{t('session.releaseExplain')}</Text>
      <ProblemAlert error={error} />
      <Textarea label={t('session.reason')} required value={reason} onChange={(e) => { setReason(e.currentTarget.value); setTouched(true); }} error={err} data-testid="release-reason" />
      <Group>
        <Button
          color="yellow"
          c="dark.9"
          loading={busy}
          data-testid="release-session"
          onClick={async () => {
            setTouched(true);
            if (reason.trim() === '') return;
            setBusy(true);
            setError(null);
            try {
              onDone(await sessions.release(s.sessionId, reason.trim()));
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('session.release')}
        </Button>
      </Group>
    </Stack>
  );
}

export default function SessionDetail() {
  const { sessionId = '' } = useParams();
  const { t, te, lang } = useI18n();
  const { zone, isDriver } = usePortal();
  const session = useAsync(() => sessions.get(sessionId), [sessionId]);
  const price = useAsync(() => tariffs.price(sessionId), [sessionId, session.data?.correctionRevision, session.data?.status]);
  const trail = useAsync(() => sessions.trail(sessionId), [sessionId, session.data?.correctionRevision, session.data?.status], !isDriver);
  const s = session.data;
  const back = isDriver ? '/my/sessions' : '/sessions';
  const updated = (next: ChargingSession) => {
    session.setData(next);
    trail.reload();
  };

  return (
    <>
      <Anchor component={Link} to={back} size="sm">
        {t('session.back')}
      </Anchor>
      <PageHeader title={s ? t('session.title', { charger: s.chargePointId, transaction: s.transactionId }) : t('session.titleLoading')} />
      <ProblemAlert error={session.error} />
      {session.loading && !s && <Loading />}
      {s && (
        <Stack gap="lg">
          <Group>
            <SessionStatusBadge status={s.status} />
            {s.heldReason && <Text size="sm">{s.heldReason}</Text>}
          </Group>
          {(s.missingEventSeqNos?.length ?? 0) > 0 && (
            <Alert color="yellow" title={t('session.missingEvents', { n: s.missingEventSeqNos!.length })} data-testid="missing-events">
              {t('session.missingEventsDetail', { seqNos: s.missingEventSeqNos!.join(', ') })}
            </Alert>
          )}
          <Card withBorder>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Fact label={t('sessions.started')} value={formatDateTime(s.startedAt, lang, zone)} />
              <Fact label={t('session.stopped')} value={formatDateTime(s.stoppedAt, lang, zone)} />
              <Fact label={t('sessions.energy')} value={formatKwh(s.energyKwh, lang)} />
              <Fact label={t('session.connected')} value={formatDuration(s.connectedSeconds)} />
              <Fact label={t('session.charging')} value={formatDuration(s.chargingSeconds)} />
              <Fact label={t('session.idle')} value={formatDuration(s.idleSeconds)} />
              <Fact label={t('sessions.charger')} value={`${s.chargePointId}${s.connectorId != null ? ` · ${t('sessions.connectorN', { n: s.connectorId })}` : ''}`} />
              <Fact label={t('sessions.card')} value={s.idTag ?? '—'} />
              <Fact label={t('drivers.userType')} value={te('userType', s.userType)} />
              <Fact label={t('session.stopReason')} value={s.stopReason ?? '—'} />
              {s.stationTransactionId && <Fact label={t('session.stationTransaction')} value={s.stationTransactionId} />}
              <Fact label={t('sessions.cost')} value={s.cost ? formatMoney(s.cost.grossAmount, lang, s.cost.currency) : t('sessions.unpriced')} />
            </SimpleGrid>
          </Card>
          <section aria-labelledby="curve-title">
            <Title order={2} size="h3" id="curve-title" mb="xs">
              {t('session.meterCurve')}
            </Title>
            <MeterCurve s={s} zone={zone} />
          </section>
          <section aria-labelledby="price-title">
            <Title order={2} size="h3" id="price-title" mb="xs">
              {t('session.price')}
            </Title>
            {price.loading ? (
              <Loading />
            ) : price.data ? (
              <Table data-testid="price-lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('price.component')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('price.quantity')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('price.unitPrice')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('price.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {price.data.lines.map((l, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{l.description}</Table.Td>
                      <Table.Td ta="right">{`${formatNumber(l.quantity, lang, 3)} ${l.unit}`}</Table.Td>
                      <Table.Td ta="right">{formatUnitPrice(l.unitPrice, lang, price.data!.currency)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(l.amount, lang, price.data!.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th colSpan={3}>{t('price.net')}</Table.Th>
                    <Table.Td ta="right">{formatMoney(price.data.netAmount, lang, price.data.currency)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th colSpan={3}>{t('price.vat', { rate: formatPercent(price.data.vatRate, lang) })}</Table.Th>
                    <Table.Td ta="right">{formatMoney(price.data.vatAmount, lang, price.data.currency)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th colSpan={3}>{t('price.gross')}</Table.Th>
                    <Table.Td ta="right" fw={700}>{formatMoney(price.data.grossAmount, lang, price.data.currency)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            ) : (
              <Text size="sm">{t('session.notPriced')}</Text>
            )}
          </section>
          <section aria-labelledby="anomalies-title">
            <Title order={2} size="h3" id="anomalies-title" mb="xs">
              {t('session.anomalies')}
            </Title>
            {s.anomalies.length === 0 ? (
              <Text size="sm">{t('session.noAnomalies')}</Text>
            ) : (
              <Stack gap="xs">
                {s.anomalies.map((a, i) => (
                  <Alert key={i} color={a.resolvedAt ? 'gray' : 'orange'} title={te('anomaly', a.rule)}>
                    <Text size="sm">{a.detail}</Text>
                    <Text size="xs" mt={4}>
                      {a.resolvedAt
                        ? t('session.resolved', { when: formatDateTime(a.resolvedAt, lang, zone), who: a.resolvedBy ?? '—', how: a.resolution ?? '' })
                        : t('session.detected', { when: formatDateTime(a.detectedAt, lang, zone) })}
                    </Text>
                  </Alert>
                ))}
              </Stack>
            )}
          </section>
          {!isDriver && (s.status === 'HELD' || s.status === 'COMPLETED') && (
            <Card withBorder>
              <Stack gap="xl">
                {s.status === 'HELD' && <ReleaseForm s={s} onDone={updated} />}
                <CorrectForm s={s} zone={zone} onDone={updated} />
              </Stack>
            </Card>
          )}
          {!isDriver && (
            <section aria-labelledby="trail-title">
              <Title order={2} size="h3" id="trail-title" mb="xs">
                {t('session.trail')}
              </Title>
              <ProblemAlert error={trail.error} />
              {trail.data && trail.data.length === 0 && <Text size="sm">{t('session.noTrail')}</Text>}
              {trail.data && trail.data.length > 0 && (
                <Table data-testid="audit-trail">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('session.when')}</Table.Th>
                      <Table.Th scope="col">{t('session.who')}</Table.Th>
                      <Table.Th scope="col">{t('session.what')}</Table.Th>
                      <Table.Th scope="col">{t('session.reason')}</Table.Th>
                      <Table.Th scope="col">{t('session.changes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {trail.data.map((c) => (
                      <Table.Tr key={c.correctionId}>
                        <Table.Td>{formatDateTime(c.actedAt, lang, zone)}</Table.Td>
                        <Table.Td>{c.actedBy}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" c="dark.8">{te('correction', c.action)}</Badge>
                        </Table.Td>
                        <Table.Td>{c.reason}</Table.Td>
                        <Table.Td>
                          <Stack gap={0}>
                            {c.statusBefore !== c.statusAfter && <Text size="xs">{t('session.changeStatus', { before: te('sessionStatus', c.statusBefore), after: te('sessionStatus', c.statusAfter) })}</Text>}
                            {c.stoppedAtBefore !== c.stoppedAtAfter && <Text size="xs">{t('session.changeStop', { before: formatDateTime(c.stoppedAtBefore, lang, zone), after: formatDateTime(c.stoppedAtAfter, lang, zone) })}</Text>}
                            {c.energyWhBefore !== c.energyWhAfter && <Text size="xs">{t('session.changeEnergy', { before: formatKwh(c.energyWhBefore == null ? null : c.energyWhBefore / 1000, lang), after: formatKwh(c.energyWhAfter == null ? null : c.energyWhAfter / 1000, lang) })}</Text>}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
          )}
        </Stack>
      )}
    </>
  );
}
