import { Alert, Badge, Button, Code, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ocpp, users } from '../api/endpoints';
import type { Charger, CommandResult, ConfigurationKey, Connection, Driver, Site, SiteKind, SiteLoad } from '../api/types';
import { usePortal, useOperatorId } from '../auth/session';
import { usePaged } from '../components/hooks';
import { EmptyState, LoadMore, Loading, PageHeader, ProblemAlert, SecretOnceModal, fieldErrorsOf } from '../components/ui';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { CHARGE_POINT_ID, COUNTRY } from '../validation';

const COMMANDS = ['RemoteStartTransaction', 'RemoteStopTransaction', 'UnlockConnector', 'Reset'] as const;
type Command = (typeof COMMANDS)[number];

/** A new site: a shared place such as a parking garage, or one employee's home charger (kind HOME, with its owner). */
export function SiteForm({ operatorId, drivers, onSaved }: { operatorId: string; drivers: Driver[]; onSaved: (s: Site) => void }) {
  const { t, te } = useI18n();
  const [v, setV] = useState({ name: '', street: '', postalCode: '', city: '', countryCode: 'NL', kind: 'SHARED' as SiteKind, ownerDriverId: '', limitUnit: 'A', limitValue: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const req = (k: keyof typeof v) => (touched[k] && v[k].trim() === '' ? t('validation.required') : null);
  const server = fieldErrorsOf(error);
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setV({ ...v, [k]: e.currentTarget.value });
    setTouched({ ...touched, [k]: true });
  };
  const countryErr = !COUNTRY.test(v.countryCode.trim().toUpperCase()) ? t('validation.country') : null;
  const ownerErr = v.kind === 'HOME' && touched.ownerDriverId && !v.ownerDriverId ? t('sites.ownerRequired') : null;
  const owners = drivers.filter((d) => d.status === 'ACTIVE');
  const limitErr = loadLimitError(v.limitUnit, v.limitValue, t);
  const valid = v.name.trim() && v.street.trim() && v.postalCode.trim() && v.city.trim() && !countryErr && !limitErr && (v.kind === 'SHARED' || v.ownerDriverId);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched({ name: true, street: true, postalCode: true, city: true, ownerDriverId: true });
        if (!valid) return;
        setBusy(true);
        setError(null);
        try {
          onSaved(await users.createSite(operatorId, {
            name: v.name.trim(),
            address: { street: v.street.trim(), postalCode: v.postalCode.trim(), city: v.city.trim(), countryCode: v.countryCode.trim().toUpperCase() },
            kind: v.kind,
            ownerDriverId: v.kind === 'HOME' ? v.ownerDriverId : null,
            loadLimit: v.limitValue.trim() ? { unit: v.limitUnit as 'A' | 'W', value: Number(v.limitValue.replace(',', '.')) } : null,
          }));
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Stack>
        <ProblemAlert error={error} />
        <TextInput label={t('sites.name')} required value={v.name} onChange={set('name')} error={req('name') ?? server.name} data-testid="site-name" />
        <SimpleGrid cols={2}>
          <TextInput label={t('address.street')} required value={v.street} onChange={set('street')} error={req('street') ?? server['address.street']} />
          <TextInput label={t('address.postalCode')} required value={v.postalCode} onChange={set('postalCode')} error={req('postalCode') ?? server['address.postalCode']} />
          <TextInput label={t('address.city')} required value={v.city} onChange={set('city')} error={req('city') ?? server['address.city']} />
          <TextInput label={t('address.countryCode')} required maxLength={2} value={v.countryCode} onChange={set('countryCode')} error={countryErr ?? server['address.countryCode']} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <NativeSelect
            label={t('sites.kind')}
            description={v.kind === 'HOME' ? t('sites.homeHint') : t('sites.sharedHint')}
            value={v.kind}
            onChange={set('kind')}
            error={server.kind}
            data={(['SHARED', 'HOME'] as const).map((k) => ({ value: k, label: te('siteKind', k) }))}
            data-testid="site-kind"
          />
          {v.kind === 'HOME' && (
            <NativeSelect
              label={t('sites.owner')}
              required
              value={v.ownerDriverId}
              onChange={set('ownerDriverId')}
              error={ownerErr ?? server.ownerDriverId}
              data={[{ value: '', label: t('sites.chooseOwner') }, ...owners.map((d) => ({ value: d.id, label: `${d.name} (${d.email})` }))]}
              data-testid="site-owner"
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('sites.loadLimit')}
            description={t('sites.loadLimitHint')}
            inputMode="decimal"
            value={v.limitValue}
            onChange={set('limitValue')}
            error={limitErr ?? server['loadLimit.value']}
            data-testid="site-load-limit"
          />
          <NativeSelect
            label={t('sites.loadLimitUnit')}
            value={v.limitUnit}
            onChange={set('limitUnit')}
            error={server['loadLimit.unit']}
            data={[{ value: 'A', label: t('sites.amperes') }, { value: 'W', label: t('sites.watts') }]}
            data-testid="site-load-limit-unit"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="save-site">
            {t('sites.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The service's rule for a load limit (user-service SiteResource): 6 to 10,000 A or 1,380 to 10,000,000 W, one decimal. */
function loadLimitError(unit: string, value: string, t: ReturnType<typeof useI18n>['t']): string | null {
  if (!value.trim()) return null;
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n) || !/^\d+([.,]\d)?$/.test(value.trim())) return t('sites.loadLimitNumber');
  const [low, high] = unit === 'W' ? [1380, 10_000_000] : [6, 10_000];
  return n < low || n > high ? t('sites.loadLimitRange', { low: String(low), high: String(high), unit }) : null;
}

/** How a site's load limit is shared now among the sessions charging there (the ocpp-gateway's allocation). */
export function SiteLoadPanel({ site }: { site: Site }) {
  const { t, lang } = useI18n();
  const [load, setLoad] = useState<SiteLoad | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = useCallback(() => {
    ocpp.siteLoad(site.id).then(setLoad, setError);
  }, [site.id]);
  useEffect(refresh, [refresh]);
  const interval = useInterval(refresh, 10_000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  if (error) return <ProblemAlert error={error} />;
  if (!load) return <Loading />;
  const unit = load.limit?.unit ?? site.loadLimit?.unit ?? 'A';
  return (
    <Stack data-testid="site-load">
      <Text data-testid="site-load-summary">
        {load.limit
          ? t('sites.loadSummary', { allocated: String(load.allocated), limit: String(load.limit.value), unit })
          : t('sites.noLoadLimit')}
      </Text>
      {load.sessions.length === 0 ? (
        <EmptyState title={t('sites.loadNoSessions')} hint={t('sites.loadNoSessionsHint')} />
      ) : (
        <Table data-testid="site-load-sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sites.loadCharger')}</Table.Th>
              <Table.Th>{t('sites.loadShare')}</Table.Th>
              <Table.Th>{t('sites.loadAnswer')}</Table.Th>
              <Table.Th>{t('sites.loadSent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {load.sessions.map((s) => (
              <Table.Tr key={`${s.chargePointId}#${s.connectorId}`}>
                <Table.Td>
                  <Code>{s.chargePointId}</Code> #{s.connectorId}
                </Table.Td>
                <Table.Td>{Number(s.limit) === 0 ? t('sites.loadPaused') : `${s.limit} ${s.unit}`}</Table.Td>
                <Table.Td>
                  <Badge color={s.outcome === 'Accepted' ? 'green' : 'orange'} variant="light">{s.outcome}</Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(s.sentAt, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {load.balancingThemselves.length > 0 && (
        <Text size="sm" c="dimmed">{t('sites.balancingThemselves', { chargers: load.balancingThemselves.join(', ') })}</Text>
      )}
    </Stack>
  );
}

function ChargerForm({ operatorId, sites, onSaved, approve }: { operatorId: string; sites: Site[]; onSaved: (c: Charger) => void; approve?: Charger }) {
  const { t } = useI18n();
  const [siteId, setSiteId] = useState(approve?.siteId ?? sites[0]?.id ?? '');
  const [cp, setCp] = useState(approve?.chargePointId ?? '');
  const [connectors, setConnectors] = useState<number | string>(approve?.connectorCount ?? 1);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const server = fieldErrorsOf(error);
  const cpErr = cp && (!CHARGE_POINT_ID.test(cp) || cp.length > 48) ? t('validation.chargePointId') : null;
  const pwErr = password && (password.length < 16 || password.length > 40) ? t('validation.ocppPassword') : null;
  const n = Number(connectors);
  const connErr = !Number.isInteger(n) || n < 1 || n > 16 ? t('validation.connectors') : null;
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!siteId || (!approve && (!cp || cpErr)) || pwErr || connErr) return;
        setBusy(true);
        setError(null);
        try {
          onSaved(
            approve
              ? await users.approveCharger(approve.id, { siteId, connectorCount: n })
              : await users.registerCharger(operatorId, { siteId, chargePointId: cp.trim(), connectorCount: n, ocppPassword: password || undefined }),
          );
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Stack>
        <ProblemAlert error={error} />
        {sites.length === 0 && <Alert color="yellow">{t('chargers.needSite')}</Alert>}
        <NativeSelect label={t('chargers.site')} required value={siteId} onChange={(e) => setSiteId(e.currentTarget.value)} data={sites.map((s) => ({ value: s.id, label: s.name }))} error={server.siteId} data-testid="charger-site" />
        {!approve && <TextInput label={t('chargers.chargePointId')} description={t('chargers.chargePointIdHint')} required value={cp} onChange={(e) => setCp(e.currentTarget.value)} error={cpErr ?? server.chargePointId} data-testid="charger-id" />}
        <NumberInput label={t('chargers.connectors')} min={1} max={16} value={connectors} onChange={setConnectors} error={connErr ?? server.connectorCount} />
        {!approve && <TextInput label={t('chargers.password')} description={t('chargers.passwordHint')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={pwErr ?? server.ocppPassword} autoComplete="new-password" />}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!sites.length} data-testid="save-charger">
            {approve ? t('chargers.approve') : t('chargers.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CommandForm({ charger, connection }: { charger: Charger; connection?: Connection }) {
  const { t, te } = useI18n();
  const [action, setAction] = useState<Command>('RemoteStartTransaction');
  const [connectorId, setConnectorId] = useState<number | string>(1);
  const [idTag, setIdTag] = useState('');
  const [transactionId, setTransactionId] = useState<number | string>('');
  const [resetType, setResetType] = useState('Soft');
  const [result, setResult] = useState<CommandResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const payload = (): Record<string, unknown> => {
    switch (action) {
      case 'RemoteStartTransaction':
        return { connectorId: Number(connectorId), idTag: idTag.trim() };
      case 'RemoteStopTransaction':
        return { transactionId: Number(transactionId) };
      case 'UnlockConnector':
        return { connectorId: Number(connectorId) };
      default:
        return { type: resetType };
    }
  };
  const invalid = (action === 'RemoteStartTransaction' && !idTag.trim()) || (action === 'RemoteStopTransaction' && !Number.isInteger(Number(transactionId))) || (action === 'RemoteStopTransaction' && transactionId === '');
  return (
    <Stack>
      {connection && !connection.connected && <Alert color="yellow">{t('chargers.offlineWarning')}</Alert>}
      <NativeSelect label={t('chargers.command')} value={action} onChange={(e) => { setAction(e.currentTarget.value as Command); setResult(null); }} data={COMMANDS.map((c) => ({ value: c, label: te('command', c) }))} data-testid="command-action" />
      {(action === 'RemoteStartTransaction' || action === 'UnlockConnector') && (
        <NumberInput label={t('chargers.connector')} min={1} max={charger.connectorCount} value={connectorId} onChange={setConnectorId} />
      )}
      {action === 'RemoteStartTransaction' && <TextInput label={t('chargers.idTag')} required value={idTag} onChange={(e) => setIdTag(e.currentTarget.value)} />}
      {action === 'RemoteStopTransaction' && <NumberInput label={t('chargers.transactionId')} required value={transactionId} onChange={setTransactionId} />}
      {action === 'Reset' && (
        <NativeSelect label={t('chargers.resetType')} value={resetType} onChange={(e) => setResetType(e.currentTarget.value)} data={[{ value: 'Soft', label: t('chargers.resetSoft') }, { value: 'Hard', label: t('chargers.resetHard') }]} />
      )}
      <Group>
        <Button
          loading={busy}
          disabled={invalid}
          data-testid="send-command"
          onClick={async () => {
            setBusy(true);
            setError(null);
            setResult(null);
            try {
              setResult(await ocpp.command(charger.chargePointId, action, payload()));
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('chargers.send')}
        </Button>
        {busy && <Text size="sm" role="status">{t('chargers.waitingAnswer')}</Text>}
      </Group>
      <ProblemAlert error={error} />
      {result && (
        <Alert color={result.outcome === 'ANSWERED' ? 'teal' : 'orange'} title={te('outcome', result.outcome)} data-testid="command-result">
          {result.response && <Code block>{JSON.stringify(result.response, null, 2)}</Code>}
          {result.errorCode && <Text size="sm">{t('chargers.callError', { code: result.errorCode, description: result.errorDescription ?? '' })}</Text>}
        </Alert>
      )}
    </Stack>
  );
}

type I18nHooks = ReturnType<typeof useI18n>;

/**
 * One line on how a charger's billing configuration stands after its last boot: configured, or the keys
 * that need an eye (refused, waiting for a reboot, unanswered) with what became of each.
 */
function configurationSummary(keys: ConfigurationKey[], t: I18nHooks['t'], te: I18nHooks['te']): string {
  const attention = keys.filter((k) => k.result !== 'UNCHANGED' && k.result !== 'ACCEPTED');
  if (attention.length === 0) return t('chargers.configured');
  return t('chargers.configurationAttention', {
    keys: attention.map((k) => `${k.key} (${te('configurationResult', k.result)})`).join(', '),
  });
}

export default function Chargers() {
  const { t, te, lang } = useI18n();
  const operatorId = useOperatorId();
  const { zone } = usePortal();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const sites = usePaged((p) => users.sites(operatorId, { ...p, limit: 500 }), [operatorId]);
  const chargers = usePaged((p) => users.chargers(operatorId, { ...p, status }), [operatorId, status]);
  const siteName = useMemo(() => new Map(sites.items.map((s) => [s.id, s.name])), [sites.items]);
  const drivers = usePaged((p) => users.drivers(operatorId, { ...p, limit: 500 }), [operatorId]);
  const driverName = useMemo(() => new Map(drivers.items.map((d) => [d.id, d.name])), [drivers.items]);
  const [connections, setConnections] = useState<Record<string, Connection | null>>({});
  const [modal, setModal] = useState<null | { kind: 'site' } | { kind: 'charger' } | { kind: 'approve'; charger: Charger } | { kind: 'command'; charger: Charger } | { kind: 'load'; site: Site }>(null);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(() => {
    const live = chargers.items.filter((c) => c.status === 'ACTIVE').map((c) => c.chargePointId);
    if (live.length === 0) return;
    ocpp.connections(live).then(
      (found) => {
        const byId = new Map(found.map((c) => [c.chargePointId, c]));
        setConnections((old) => ({ ...old, ...Object.fromEntries(live.map((id) => [id, byId.get(id) ?? null])) }));
      },
      () => undefined,
    );
  }, [chargers.items]);
  useEffect(refresh, [refresh]);
  const interval = useInterval(refresh, 10_000);
  useEffect(() => {
    interval.start();
    return interval.stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refresh]);

  const act = async (fn: () => Promise<Charger>, showPassword = false) => {
    setError(null);
    try {
      const c = await fn();
      chargers.replace((x) => x.id === c.id, c);
      if (showPassword && c.ocppPassword) setSecret({ title: t('chargers.newPasswordTitle', { charger: c.chargePointId }), value: c.ocppPassword });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <PageHeader
        title={t('chargers.title')}
        description={t('chargers.description')}
        actions={
          <>
            <Button variant="default" onClick={() => setModal({ kind: 'site' })} data-testid="create-site">
              {t('sites.create')}
            </Button>
            <Button onClick={() => setModal({ kind: 'charger' })} data-testid="register-charger">
              {t('chargers.register')}
            </Button>
          </>
        }
      />
      <Stack>
        <Group align="flex-end">
          <NativeSelect
            label={t('chargers.status')}
            value={status}
            onChange={(e) => setParams(e.currentTarget.value ? { status: e.currentTarget.value } : {}, { replace: true })}
            data={[{ value: '', label: t('common.all') }, ...['ACTIVE', 'PENDING_APPROVAL', 'DECOMMISSIONED'].map((s) => ({ value: s, label: te('chargerStatus', s) }))]}
            data-testid="charger-status-filter"
          />
          <Text size="xs" c="dimmed">
            {t('chargers.liveHint')}
          </Text>
        </Group>
        <ProblemAlert error={error ?? chargers.error ?? sites.error} />
        {chargers.loading && !chargers.items.length ? (
          <Loading />
        ) : chargers.items.length === 0 ? (
          <EmptyState title={t('chargers.emptyTitle')} hint={sites.items.length ? t('chargers.emptyHint') : t('chargers.emptyHintNoSite')} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table data-testid="chargers-table" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('chargers.chargePointId')}</Table.Th>
                  <Table.Th scope="col">{t('chargers.site')}</Table.Th>
                  <Table.Th scope="col">{t('chargers.hardware')}</Table.Th>
                  <Table.Th scope="col">{t('chargers.status')}</Table.Th>
                  <Table.Th scope="col">{t('chargers.live')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {chargers.items.map((c) => {
                  const conn = connections[c.chargePointId];
                  return (
                    <Table.Tr key={c.id} data-testid={`row-${c.id}`}>
                      <Table.Td>
                        <code>{c.chargePointId}</code>
                      </Table.Td>
                      <Table.Td>{(c.siteId && siteName.get(c.siteId)) || '—'}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{[c.vendor, c.model].filter(Boolean).join(' ') || '—'}</Text>
                        {c.firmwareVersion && <Text size="xs">{t('chargers.firmware', { version: c.firmwareVersion })}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={c.status === 'ACTIVE' ? 'teal' : c.status === 'PENDING_APPROVAL' ? 'yellow' : 'gray'} c="dark.8">
                          {te('chargerStatus', c.status)}
                        </Badge>
                        {c.status === 'PENDING_APPROVAL' && c.ocppPasswordOrigin === 'ENROLLMENT_KEY' && (
                          <Text size="xs" data-testid={`password-problem-${c.chargePointId}`}>
                            {c.ocppPasswordProblem
                              ? t('chargers.onEnrollmentKeyBecause', { reason: c.ocppPasswordProblem })
                              : t('chargers.onEnrollmentKey')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td data-testid={`live-${c.chargePointId}`}>
                        {c.status !== 'ACTIVE' ? (
                          '—'
                        ) : conn === undefined ? (
                          t('common.loading')
                        ) : conn === null ? (
                          t('chargers.unknown')
                        ) : (
                          <Stack gap={2}>
                            <Badge color={conn.connected ? "teal" : "red"} variant="light" c="dark.8">
                              {conn.connected ? t('chargers.connected') : t('chargers.disconnected')}
                            </Badge>
                            {conn.lastSeen && <Text size="xs">{t('chargers.lastSeen', { when: formatDateTime(conn.lastSeen, lang, zone) })}</Text>}
                            {conn.connectors.map((k) => (
                              <Text size="xs" key={k.connectorId}>
                                {t('chargers.connectorStatus', { n: k.connectorId, status: te('connectorStatus', k.status) })}
                                {k.errorCode && k.errorCode !== 'NoError' ? ` (${k.errorCode})` : ''}
                              </Text>
                            ))}
                            {conn.configuration && conn.configuration.length > 0 && (
                              <Text size="xs" data-testid={`configuration-${c.chargePointId}`}>
                                {configurationSummary(conn.configuration, t, te)}
                              </Text>
                            )}
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {c.status === 'PENDING_APPROVAL' && (
                            <Button size="xs" onClick={() => setModal({ kind: 'approve', charger: c })} data-testid={`approve-${c.id}`}>
                              {t('chargers.approve')}
                            </Button>
                          )}
                          {c.status === 'ACTIVE' && (
                            <>
                              <Button size="xs" variant="light" onClick={() => setModal({ kind: 'command', charger: c })} data-testid={`commands-${c.id}`}>
                                {t('chargers.commands')}
                              </Button>
                              <Button size="xs" variant="default" onClick={() => window.confirm(t('chargers.resetPasswordConfirm', { charger: c.chargePointId })) && act(() => users.newOcppPassword(c.id), true)} data-testid={`reset-password-${c.id}`}>
                                {t('chargers.resetPassword')}
                              </Button>
                            </>
                          )}
                          {c.status !== 'DECOMMISSIONED' && (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              c="red.9"
                              onClick={() => window.confirm(t('chargers.decommissionConfirm', { charger: c.chargePointId })) && act(() => users.decommissionCharger(c.id))}
                            >
                              {c.status === 'PENDING_APPROVAL' ? t('chargers.reject') : t('chargers.decommission')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore next={chargers.next} loading={chargers.loading} onMore={chargers.loadMore} count={chargers.items.length} />
        <section aria-labelledby="sites-title">
          <Title order={2} size="h4" id="sites-title" mb="xs">
            {t('sites.title')}
          </Title>
          {sites.items.length === 0 ? (
            <EmptyState title={t('sites.emptyTitle')} hint={t('sites.emptyHint')} />
          ) : (
            <Table data-testid="sites-table">
              <Table.Tbody>
                {sites.items.map((s) => (
                  <Table.Tr key={s.id} data-testid={`row-${s.id}`}>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>{`${s.address.street}, ${s.address.postalCode} ${s.address.city}`}</Table.Td>
                    <Table.Td>
                      {s.kind === 'HOME'
                        ? t('sites.homeOf', { name: (s.ownerDriverId && driverName.get(s.ownerDriverId)) || s.ownerDriverId || '—' })
                        : te('siteKind', 'SHARED')}
                    </Table.Td>
                    <Table.Td>
                      {s.loadLimit ? (
                        <Button size="xs" variant="light" onClick={() => setModal({ kind: 'load', site: s })} data-testid={`load-${s.id}`}>
                          {t('sites.loadOf', { limit: String(s.loadLimit.value), unit: s.loadLimit.unit })}
                        </Button>
                      ) : (
                        <Text size="sm" c="dimmed">{t('sites.noLoadLimit')}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      </Stack>
      <Modal opened={modal?.kind === 'site'} onClose={() => setModal(null)} title={t('sites.create')}>
        <SiteForm operatorId={operatorId} drivers={drivers.items} onSaved={() => { setModal(null); sites.reload(); }} />
      </Modal>
      <Modal opened={modal?.kind === 'charger' || modal?.kind === 'approve'} onClose={() => setModal(null)} title={modal?.kind === 'approve' ? t('chargers.approveTitle', { charger: modal.charger.chargePointId }) : t('chargers.register')}>
        {(modal?.kind === 'charger' || modal?.kind === 'approve') && (
          <ChargerForm
            operatorId={operatorId}
            sites={sites.items}
            approve={modal.kind === 'approve' ? modal.charger : undefined}
            onSaved={(c) => {
              setModal(null);
              chargers.reload();
              if (c.ocppPassword) setSecret({ title: t('chargers.newPasswordTitle', { charger: c.chargePointId }), value: c.ocppPassword });
            }}
          />
        )}
      </Modal>
      <Modal opened={modal?.kind === 'command'} onClose={() => setModal(null)} title={modal?.kind === 'command' ? t('chargers.commandsTitle', { charger: modal.charger.chargePointId }) : ''} size="lg">
        {modal?.kind === 'command' && <CommandForm charger={modal.charger} connection={connections[modal.charger.chargePointId] ?? undefined} />}
      </Modal>
      <Modal opened={modal?.kind === 'load'} onClose={() => setModal(null)} title={modal?.kind === 'load' ? t('sites.loadTitle', { site: modal.site.name }) : ''} size="lg">
        {modal?.kind === 'load' && <SiteLoadPanel site={modal.site} />}
      </Modal>
      <SecretOnceModal opened={!!secret} onClose={() => setSecret(null)} title={secret?.title ?? ''} secret={secret?.value ?? null} explanation={t('chargers.passwordOnce')} />
    </>
  );
}
