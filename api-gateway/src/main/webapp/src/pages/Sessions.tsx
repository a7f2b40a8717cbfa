import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { sessions, users } from '../api/endpoints';
import { usePortal, useOperatorId } from '../auth/session';
import { usePaged } from '../components/hooks';
import { SessionsTable } from '../components/SessionsTable';
import { EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { useI18n } from '../i18n';

const STATUSES = ['ACTIVE', 'AWAITING_START', 'COMPLETED', 'HELD'];
const SITE_KINDS = ['SHARED', 'HOME'];

export default function Sessions() {
  const { t, te } = useI18n();
  const operatorId = useOperatorId();
  const { zone, operator } = usePortal();
  const [params, setParams] = useSearchParams();
  const filters = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    status: params.get('status') ?? '',
    chargePointId: params.get('chargePointId') ?? '',
    driverId: params.get('driverId') ?? '',
    siteId: params.get('siteId') ?? '',
    cardId: params.get('cardId') ?? '',
    userType: params.get('userType') ?? '',
    siteKind: params.get('siteKind') ?? '',
  };
  const set = (name: keyof typeof filters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const chargers = usePaged((p) => users.chargers(operatorId, { ...p, limit: 500 }), [operatorId]);
  const drivers = usePaged((p) => users.drivers(operatorId, { ...p, limit: 500 }), [operatorId]);
  const sites = usePaged((p) => users.sites(operatorId, { ...p, limit: 500 }), [operatorId]);
  const cards = usePaged((p) => users.cards(operatorId, { ...p, limit: 500 }), [operatorId]);
  const userTypes = operator?.userTypes ?? ['RESIDENT', 'EMPLOYEE', 'GUEST'];
  const byId = useMemo(() => new Map(drivers.items.map((d) => [d.id, d])), [drivers.items]);
  const list = usePaged(
    (p) => sessions.list({ ...p, operatorId, ...filters, siteKind: filters.siteKind as 'HOME' | 'SHARED' | '' }),
    [operatorId, filters.from, filters.to, filters.status, filters.chargePointId, filters.driverId, filters.siteId, filters.cardId, filters.userType, filters.siteKind],
  );
  const badPeriod = filters.from && filters.to && filters.to < filters.from;

  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.description')} />
      <Stack>
        <Group align="flex-end" wrap="wrap" role="search" aria-label={t('sessions.filters')}>
          <TextInput type="date" label={t('filters.from')} value={filters.from} onChange={(e) => set('from', e.currentTarget.value)} data-testid="filter-from" />
          <TextInput type="date" label={t('filters.to')} value={filters.to} onChange={(e) => set('to', e.currentTarget.value)} error={badPeriod ? t('validation.toBeforeFrom') : null} data-testid="filter-to" />
          <NativeSelect
            label={t('sessions.charger')}
            value={filters.chargePointId}
            onChange={(e) => set('chargePointId', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...chargers.items.map((c) => ({ value: c.chargePointId, label: c.chargePointId }))]}
            data-testid="filter-charger"
          />
          <NativeSelect
            label={t('sessions.driver')}
            value={filters.driverId}
            onChange={(e) => set('driverId', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...drivers.items.map((d) => ({ value: d.id, label: d.name }))]}
            data-testid="filter-driver"
          />
          <NativeSelect
            label={t('sessions.site')}
            value={filters.siteId}
            onChange={(e) => set('siteId', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...sites.items.map((s) => ({ value: s.id, label: s.name }))]}
            data-testid="filter-site"
          />
          <NativeSelect
            label={t('sites.kind')}
            value={filters.siteKind}
            onChange={(e) => set('siteKind', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...SITE_KINDS.map((k) => ({ value: k, label: te('siteKind', k) }))]}
            data-testid="filter-site-kind"
          />
          <NativeSelect
            label={t('sessions.card')}
            value={filters.cardId}
            onChange={(e) => set('cardId', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...cards.items.map((c) => ({ value: c.id, label: c.label ? `${c.idTag} (${c.label})` : c.idTag }))]}
            data-testid="filter-card"
          />
          <NativeSelect
            label={t('drivers.userType')}
            value={filters.userType}
            onChange={(e) => set('userType', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...userTypes.map((u) => ({ value: u, label: te('userType', u) }))]}
            data-testid="filter-user-type"
          />
          <NativeSelect
            label={t('sessions.status')}
            value={filters.status}
            onChange={(e) => set('status', e.currentTarget.value)}
            data={[{ value: '', label: t('common.all') }, ...STATUSES.map((s) => ({ value: s, label: te('sessionStatus', s) }))]}
            data-testid="filter-status"
          />
          <Button variant="default" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('filters.clear')}
          </Button>
        </Group>
        <ProblemAlert error={list.error} />
        {list.loading && !list.items.length ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <EmptyState title={t('sessions.emptyTitle')} hint={t('sessions.emptyHint')} />
        ) : (
          <SessionsTable sessions={list.items} zone={zone} drivers={byId} linkBase="/sessions" />
        )}
        <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} count={list.items.length} />
      </Stack>
    </>
  );
}
