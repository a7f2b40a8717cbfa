import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ChargingSession, Driver } from '../api/types';
import { formatDateTime, formatDuration, formatKwh, formatMoney } from '../format';
import { useI18n } from '../i18n';

const COLOR: Record<string, string> = { ACTIVE: 'blue', AWAITING_START: 'yellow', COMPLETED: 'teal', HELD: 'orange' };

export function SessionStatusBadge({ status }: { status: string }) {
  const { te } = useI18n();
  return (
    <Badge variant="light" color={COLOR[status] ?? 'gray'} c="dark.8">
      {te('sessionStatus', status)}
    </Badge>
  );
}

export function SessionsTable({ sessions, zone, drivers, linkBase }: {
  sessions: ChargingSession[];
  zone: string;
  drivers?: Map<string, Driver>;
  linkBase: string;
}) {
  const { t, te, lang } = useI18n();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table data-testid="sessions-table" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sessions.started')}</Table.Th>
            <Table.Th scope="col">{t('sessions.charger')}</Table.Th>
            {drivers && <Table.Th scope="col">{t('sessions.driver')}</Table.Th>}
            <Table.Th scope="col">{t('sessions.card')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('sessions.energy')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('sessions.duration')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('sessions.cost')}</Table.Th>
            <Table.Th scope="col">{t('sessions.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.sessionId} data-testid={`row-${s.sessionId}`}>
              <Table.Td>
                <Anchor size="sm" component={Link} to={`${linkBase}/${s.sessionId}`} aria-label={t('sessions.openSession', { when: formatDateTime(s.startedAt, lang, zone) })}>
                  {formatDateTime(s.startedAt, lang, zone)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {s.chargePointId}
                {s.connectorId != null && <Text span size="xs"> · {t('sessions.connectorN', { n: s.connectorId })}</Text>}
                {s.siteKind === 'HOME' && (
                  <Badge ml="xs" size="xs" variant="light" color="grape" c="dark.8" data-testid={`home-${s.sessionId}`}>
                    {te('siteKind', 'HOME')}
                  </Badge>
                )}
              </Table.Td>
              {drivers && <Table.Td>{(s.driverId && drivers.get(s.driverId)?.name) || '—'}</Table.Td>}
              <Table.Td>{s.idTag ? <code>{s.idTag}</code> : '—'}</Table.Td>
              <Table.Td ta="right">{formatKwh(s.energyKwh, lang)}</Table.Td>
              <Table.Td ta="right">{formatDuration(s.connectedSeconds)}</Table.Td>
              <Table.Td ta="right">{s.cost ? formatMoney(s.cost.grossAmount, lang, s.cost.currency) : t('sessions.unpriced')}</Table.Td>
              <Table.Td>
                <SessionStatusBadge status={s.status} />
                {s.status === 'HELD' && s.heldReason && (
                  <Text size="xs" mt={2}>
                    {s.heldReason}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
