import { Alert, Group, Loader, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { tariffs } from '../api/endpoints';
import type { Quote } from '../api/types';
import { formatMoney, formatWeekdayTime, formatNumber, formatUnitPrice, instantToZoned, zonedToInstant } from '../format';
import { useI18n } from '../i18n';
import { CHARGE_POINT_ID, isDecimal, toDecimal } from '../validation';
import { ProblemAlert } from './ui';

/** The next Friday 18:00 in the zone, as a datetime-local value: a typical evening session. */
export function nextFridayEvening(zone: string, now = new Date()): string {
  const local = instantToZoned(now.toISOString(), zone);
  const d = new Date(`${local.substring(0, 10)}T00:00:00Z`);
  const add = (5 - d.getUTCDay() + 7) % 7 || 7;
  d.setUTCDate(d.getUTCDate() + add);
  return `${d.toISOString().substring(0, 10)}T18:00`;
}

/**
 * What a planned session costs at a charger, asked from the quote endpoint as the fields change:
 * "a 3-hour 20 kWh session starting Friday 18:00 costs € 9,80".
 */
export function QuotePreview({ chargePointId, editableCharger = false, chargers, userTypes, zone, debounceMs = 400 }: {
  chargePointId?: string;
  editableCharger?: boolean;
  chargers?: string[];
  userTypes?: string[];
  zone: string;
  debounceMs?: number;
}) {
  const { t, te, lang } = useI18n();
  const [charger, setCharger] = useState(chargePointId ?? chargers?.[0] ?? '');
  const [energy, setEnergy] = useState('20');
  const [hours, setHours] = useState('3');
  const [idle, setIdle] = useState('0');
  const [start, setStart] = useState(() => nextFridayEvening(zone));
  const [userType, setUserType] = useState(userTypes?.includes('GUEST') ? 'GUEST' : userTypes?.[0] ?? '');
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (chargePointId !== undefined) setCharger(chargePointId);
  }, [chargePointId]);
  useEffect(() => {
    if (!chargePointId && chargers?.length && !charger) setCharger(chargers[0]);
  }, [chargers, chargePointId, charger]);

  const energyKwh = toDecimal(energy);
  const durationMinutes = Math.round((toDecimal(hours) ?? 0) * 60);
  const idleMinutes = toDecimal(idle) ?? 0;
  const errs = {
    charger: charger && !CHARGE_POINT_ID.test(charger) ? t('validation.chargePointId') : null,
    energy: !isDecimal(energy, 3) || (energyKwh ?? 0) > 1000 ? t('validation.energyKwh') : null,
    hours: !isDecimal(hours, 2) || durationMinutes < 1 || durationMinutes > 10080 ? t('validation.durationHours') : null,
    idle: !/^\d+$/.test(idle.trim()) || idleMinutes > durationMinutes ? t('validation.idleMinutes') : null,
    start: !zonedToInstant(start, zone) ? t('validation.dateTime') : null,
  };
  const valid = !!charger && !errs.charger && !errs.energy && !errs.hours && !errs.idle && !errs.start;
  const startAt = zonedToInstant(start, zone) ?? undefined;

  useEffect(() => {
    if (!valid) {
      setQuote(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      setError(null);
      tariffs
        .quote(charger, { energyKwh: energyKwh!, durationMinutes, idleMinutes, startAt, userType: userType || undefined })
        .then(
          (q) => live && setQuote(q),
          (e) => {
            if (!live) return;
            setQuote(null);
            setError(e);
          },
        )
        .finally(() => live && setLoading(false));
    }, debounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [valid, charger, energyKwh, durationMinutes, idleMinutes, startAt, userType, debounceMs]);

  return (
    <Stack data-testid="quote-preview">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {editableCharger && !chargers && (
          <TextInput label={t('quote.charger')} description={t('quote.chargerHint')} value={charger} onChange={(e) => setCharger(e.currentTarget.value.trim())} error={errs.charger} data-testid="quote-charger" />
        )}
        {chargers && (
          <NativeSelect label={t('quote.charger')} value={charger} onChange={(e) => setCharger(e.currentTarget.value)} data={chargers} data-testid="quote-charger" />
        )}
        {userTypes && userTypes.length > 0 && (
          <NativeSelect label={t('quote.userType')} value={userType} onChange={(e) => setUserType(e.currentTarget.value)} data={userTypes.map((u) => ({ value: u, label: te('userType', u) }))} data-testid="quote-user-type" />
        )}
        <TextInput label={t('quote.energy')} inputMode="decimal" value={energy} onChange={(e) => setEnergy(e.currentTarget.value)} error={errs.energy} data-testid="quote-energy" />
        <TextInput label={t('quote.hours')} inputMode="decimal" value={hours} onChange={(e) => setHours(e.currentTarget.value)} error={errs.hours} data-testid="quote-hours" />
        <TextInput label={t('quote.idle')} inputMode="numeric" value={idle} onChange={(e) => setIdle(e.currentTarget.value)} error={errs.idle} data-testid="quote-idle" />
        <TextInput type="datetime-local" label={t('quote.start')} description={t('common.inZone', { zone })} value={start} onChange={(e) => setStart(e.currentTarget.value)} error={errs.start} data-testid="quote-start" />
      </SimpleGrid>
      <div aria-live="polite">
        {loading && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('quote.calculating')}</Text>
          </Group>
        )}
        {!charger && <Text size="sm">{t('quote.chooseCharger')}</Text>}
        <ProblemAlert error={error} title={t('quote.failed')} />
        {quote && (
          <Alert color="teal" title={t('quote.resultTitle')} data-testid="quote-result">
            <Text fw={600} data-testid="quote-sentence">
              {t('quote.sentence', {
                hours: formatNumber(quote.durationMinutes / 60, lang, 2),
                energy: formatNumber(quote.energyKwh, lang, 3),
                start: formatWeekdayTime(quote.startAt, lang, zone),
                price: formatMoney(quote.grossAmount, lang, quote.currency),
              })}
            </Text>
            <Text size="xs" mb="xs">
              {t('quote.tariff', { name: quote.tariffName, version: quote.tariffVersion, userType: te('userType', quote.userType) })}
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('price.component')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('price.quantity')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('price.unitPrice')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('price.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {quote.lines.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{l.description}</Table.Td>
                    <Table.Td ta="right">{`${formatNumber(l.quantity, lang, 3)} ${l.unit}`}</Table.Td>
                    <Table.Td ta="right">{formatUnitPrice(l.unitPrice, lang, quote.currency)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(l.amount, lang, quote.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs">
              {t('quote.totals', { net: formatMoney(quote.netAmount, lang, quote.currency), vat: formatMoney(quote.vatAmount, lang, quote.currency), gross: formatMoney(quote.grossAmount, lang, quote.currency) })}
            </Text>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
