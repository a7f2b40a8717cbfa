import { Accordion, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { tariffs, users } from '../api/endpoints';
import type { Tariff } from '../api/types';
import { usePortal, useOperatorId } from '../auth/session';
import { usePaged } from '../components/hooks';
import { QuotePreview } from '../components/QuotePreview';
import { TariffEditor, componentOf, draftOf } from '../components/TariffEditor';
import { EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { formatDateTime, formatPercent, formatUnitPrice } from '../format';
import { useI18n } from '../i18n';

export default function Tariffs() {
  const { t, te, lang } = useI18n();
  const operatorId = useOperatorId();
  const { operator, zone } = usePortal();
  const list = usePaged((p) => tariffs.list(operatorId, p), [operatorId]);
  const sites = usePaged((p) => users.sites(operatorId, { ...p, limit: 500 }), [operatorId]);
  const chargers = usePaged((p) => users.chargers(operatorId, { ...p, status: 'ACTIVE', limit: 500 }), [operatorId]);
  const siteName = useMemo(() => new Map(sites.items.map((s) => [s.id, s.name])), [sites.items]);
  const chargerName = useMemo(() => new Map(chargers.items.map((c) => [c.id, c.chargePointId])), [chargers.items]);
  const [editing, setEditing] = useState<Tariff | 'new' | null>(null);
  const userTypes = operator?.userTypes ?? ['RESIDENT', 'EMPLOYEE', 'GUEST'];
  const now = Date.now();
  const current = (tariff: Tariff) => [...tariff.versions].reverse().find((v) => Date.parse(v.effectiveFrom) <= now) ?? tariff.versions[0];

  return (
    <>
      <PageHeader
        title={t('tariffs.title')}
        description={t('tariffs.description')}
        actions={
          <Button onClick={() => setEditing('new')} data-testid="create-tariff">
            {t('tariffs.create')}
          </Button>
        }
      />
      <Stack gap="lg">
        <ProblemAlert error={list.error} />
        {list.loading && !list.items.length ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <EmptyState title={t('tariffs.emptyTitle')} hint={t('tariffs.emptyHint')} />
        ) : (
          <Accordion variant="separated" data-testid="tariffs-list">
            {list.items.map((tariff) => {
              const v = current(tariff);
              return (
                <Accordion.Item key={tariff.id} value={tariff.id} data-testid={`row-${tariff.id}`}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap" pr="md">
                      <div>
                        <Text fw={600}>{tariff.name}</Text>
                        <Text size="xs">
                          {tariff.chargerId
                            ? t('tariffs.atCharger', { charger: chargerName.get(tariff.chargerId) ?? tariff.chargerId })
                            : tariff.siteId
                              ? t('tariffs.atSite', { site: siteName.get(tariff.siteId) ?? tariff.siteId })
                              : t('tariffs.atAll')}
                          {' · '}
                          {tariff.userTypes.length ? tariff.userTypes.map((u) => te('userType', u)).join(', ') : t('tariffs.allUserTypes')}
                        </Text>
                      </div>
                      <Text size="sm">{t('tariffs.versionCount', { count: tariff.versions.length })}</Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      {tariff.versions.map((ver) => (
                        <Card key={ver.version} withBorder padding="sm" bg={ver === v ? 'teal.0' : undefined}>
                          <Text fw={600} size="sm">
                            {t('tariffs.versionLine', { version: ver.version, from: formatDateTime(ver.effectiveFrom, lang, ver.timeZone), vat: formatPercent(ver.vatRate, lang) })}
                            {ver === v ? ` · ${t('tariffs.inForce')}` : ''}
                          </Text>
                          <Table>
                            <Table.Tbody>
                              {ver.components.map((c, i) => (
                                <Table.Tr key={i}>
                                  <Table.Td>{c.label || te('componentType', c.type)}</Table.Td>
                                  <Table.Td>{t('tariffs.perUnit', { price: formatUnitPrice(c.unitPrice, lang, tariff.currency), unit: te('unit', c.type) })}</Table.Td>
                                  <Table.Td>{describeRestrictions((componentOf(draftOf(c)).restrictions as Record<string, unknown> | undefined) ?? null, t, te)}</Table.Td>
                                </Table.Tr>
                              ))}
                            </Table.Tbody>
                          </Table>
                        </Card>
                      ))}
                      <Group>
                        <Button variant="light" onClick={() => setEditing(tariff)} data-testid={`new-version-${tariff.id}`}>
                          {t('tariffs.newVersion')}
                        </Button>
                      </Group>
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        )}
        <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} count={list.items.length} />
        <Card withBorder component="section" aria-labelledby="quote-title">
          <Title order={2} size="h4" id="quote-title" mb="xs">
            {t('quote.title')}
          </Title>
          <Text size="sm" mb="sm">
            {t('quote.adminHint')}
          </Text>
          {chargers.items.length ? (
            <QuotePreview chargers={chargers.items.map((c) => c.chargePointId)} userTypes={userTypes} zone={zone} />
          ) : (
            <EmptyState title={t('quote.noChargers')} />
          )}
        </Card>
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} size="xl" title={editing === 'new' ? t('tariffs.create') : editing ? t('tariffs.newVersionOf', { name: editing.name }) : ''}>
        {editing !== null && (
          <TariffEditor
            tariff={editing === 'new' ? null : editing}
            userTypes={userTypes}
            sites={sites.items}
            chargers={chargers.items}
            zone={zone}
            onCancel={() => setEditing(null)}
            onSave={async (form) => {
              if (editing === 'new') await tariffs.create(operatorId, form);
              else await tariffs.revise(editing.id, form);
              setEditing(null);
              list.reload();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function describeRestrictions(
  r: Record<string, unknown> | null,
  t: ReturnType<typeof useI18n>['t'],
  te: ReturnType<typeof useI18n>['te'],
): string {
  if (!r) return t('tariffs.always');
  const parts: string[] = [];
  if (Array.isArray(r.daysOfWeek)) parts.push((r.daysOfWeek as string[]).map((d) => te('dayShort', d)).join(', '));
  if (r.startTime) parts.push(t('tariffs.timeRange', { from: String(r.startTime), to: String(r.endTime) }));
  if (r.startDate || r.endDate) parts.push(t('tariffs.dateRange', { from: String(r.startDate ?? '…'), to: String(r.endDate ?? '…') }));
  if (r.minKwh != null || r.maxKwh != null) parts.push(t('tariffs.kwhRange', { from: String(r.minKwh ?? 0), to: String(r.maxKwh ?? '∞') }));
  if (r.minDurationMinutes != null || r.maxDurationMinutes != null) parts.push(t('tariffs.minuteRange', { from: String(r.minDurationMinutes ?? 0), to: String(r.maxDurationMinutes ?? '∞') }));
  return parts.join('; ');
}
