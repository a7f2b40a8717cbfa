import { Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { users } from '../api/endpoints';
import type { Card, Driver } from '../api/types';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { ProblemAlert, fieldErrorsOf } from './ui';

const STATUS_COLOR: Record<string, string> = { ACTIVE: 'teal', BLOCKED: 'orange', LOST: 'red', EXPIRED: 'gray' };

export function CardStatusBadge({ card }: { card: Card }) {
  const { te } = useI18n();
  return (
    <Badge color={STATUS_COLOR[card.status] ?? 'gray'} variant="light" c="dark.8">
      {te('cardStatus', card.status)}
    </Badge>
  );
}

/** A table of cards with their actions: block or unblock (admins), report lost. */
export function CardsTable({ cards, drivers, onChanged, driverView = false, reportLost }: {
  cards: Card[];
  drivers?: Map<string, Driver>;
  onChanged: (card: Card) => void;
  driverView?: boolean;
  reportLost: (card: Card, reason: string) => Promise<Card>;
}) {
  const { t, te, lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [losing, setLosing] = useState<Card | null>(null);
  const [reason, setReason] = useState('');

  const act = async (card: Card, action: () => Promise<Card>) => {
    setBusy(card.id);
    setError(null);
    try {
      onChanged(await action());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <ProblemAlert error={error} />
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="cards-table" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cards.idTag')}</Table.Th>
              <Table.Th scope="col">{t('cards.label')}</Table.Th>
              {!driverView && drivers && <Table.Th scope="col">{t('cards.driver')}</Table.Th>}
              <Table.Th scope="col">{t('cards.status')}</Table.Th>
              <Table.Th scope="col">{t('cards.validUntil')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cards.map((card) => (
              <Table.Tr key={card.id} data-testid={`row-${card.id}`}>
                <Table.Td>
                  <code>{card.idTag}</code>
                </Table.Td>
                <Table.Td>{card.label || '—'}</Table.Td>
                {!driverView && drivers && <Table.Td>{drivers.get(card.driverId)?.name ?? '—'}</Table.Td>}
                <Table.Td>
                  <Stack gap={2}>
                    <CardStatusBadge card={card} />
                    {card.blockCause && <Text size="xs">{te('blockCause', card.blockCause)}</Text>}
                    {!driverView && card.statusReason && <Text size="xs">{card.statusReason}</Text>}
                  </Stack>
                </Table.Td>
                <Table.Td>{card.validUntil ? formatDate(card.validUntil, lang) : t('cards.noEnd')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {!driverView && card.status === 'ACTIVE' && (
                      <Button size="xs" variant="default" loading={busy === card.id} onClick={() => act(card, () => users.blockCard(card.id))} data-testid={`block-${card.id}`}>
                        {t('cards.block')}
                      </Button>
                    )}
                    {!driverView && card.status === 'BLOCKED' && (
                      <Button size="xs" variant="default" loading={busy === card.id} onClick={() => act(card, () => users.unblockCard(card.id))} data-testid={`unblock-${card.id}`}>
                        {t('cards.unblock')}
                      </Button>
                    )}
                    {card.status !== 'LOST' && (
                      <Button size="xs" color="red" variant="light" c="red.9" onClick={() => { setReason(''); setLosing(card); }} data-testid={`report-lost-${card.id}`}>
                        {t('cards.reportLost')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={!!losing} onClose={() => setLosing(null)} title={t('cards.reportLostTitle')}>
        <Stack>
          <Text size="sm">{t('cards.reportLostExplain', { idTag: losing?.idTag ?? '' })}</Text>
          {!driverView && <TextInput label={t('cards.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLosing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={!!losing && busy === losing.id}
              data-testid="confirm-report-lost"
              onClick={async () => {
                const card = losing!;
                setLosing(null);
                await act(card, () => reportLost(card, reason));
              }}
            >
              {t('cards.reportLost')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Issue a card to a driver (the one given, or one chosen from the list). */
export function AddCardForm({ operatorId, driverId, drivers, onAdded, onCancel }: {
  operatorId: string;
  driverId?: string;
  drivers?: Driver[];
  onAdded: (card: Card) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const today = new Date().toISOString().substring(0, 10);
  const form = useForm({
    mode: 'controlled',
    initialValues: { driverId: driverId ?? drivers?.[0]?.id ?? '', idTag: '', label: '', validUntil: '' },
    validateInputOnChange: true,
    validate: {
      driverId: (v) => (!v ? t('validation.required') : null),
      idTag: (v) => (v.trim() === '' ? t('validation.required') : v.length > 40 ? t('validation.maxLength', { max: 40 }) : null),
      label: (v) => (v.length > 100 ? t('validation.maxLength', { max: 100 }) : null),
      validUntil: (v) => (v && v < today ? t('validation.notPast') : null),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setSaving(true);
        setProblem(null);
        try {
          onAdded(await users.issueCard(operatorId, { driverId: v.driverId, idTag: v.idTag.trim(), label: v.label.trim() || null, validUntil: v.validUntil || null }));
        } catch (e) {
          setProblem(e);
          form.setErrors(fieldErrorsOf(e));
        } finally {
          setSaving(false);
        }
      })}
    >
      <Stack>
        <ProblemAlert error={problem} />
        {!driverId && drivers && (
          <NativeSelect label={t('cards.driver')} required data={drivers.map((d) => ({ value: d.id, label: `${d.name} (${d.email})` }))} {...form.getInputProps('driverId')} />
        )}
        <TextInput label={t('cards.idTag')} description={t('cards.idTagHint')} required {...form.getInputProps('idTag')} data-testid="card-id-tag" />
        <TextInput label={t('cards.label')} {...form.getInputProps('label')} data-testid="card-label" />
        <TextInput label={t('cards.validUntil')} type="date" min={today} {...form.getInputProps('validUntil')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-card">
            {t('cards.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
