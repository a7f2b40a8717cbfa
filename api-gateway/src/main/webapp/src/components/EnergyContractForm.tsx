import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { EnergyContractForm as ContractBody } from '../api/types';
import { useI18n } from '../i18n';
import { TIME_OF_DAY, isDecimal, toDecimal } from '../validation';
import { ProblemAlert, fieldErrorsOf } from './ui';

interface Values {
  supplier: string;
  validFrom: string;
  validTo: string;
  dayPricePerKwh: string;
  nightPricePerKwh: string;
  nightStart: string;
  nightEnd: string;
  weekendsAtNightPrice: boolean;
}

const EMPTY: Values = { supplier: '', validFrom: '', validTo: '', dayPricePerKwh: '', nightPricePerKwh: '', nightStart: '23:00', nightEnd: '07:00', weekendsAtNightPrice: false };

type T = ReturnType<typeof useI18n>['t'];

/** What is wrong with a contract as typed, by field; the same rules tariff-service applies. */
export function validateContract(v: Values, t: T): Partial<Record<keyof Values, string>> {
  const e: Partial<Record<keyof Values, string>> = {};
  if (v.supplier.trim() === '') e.supplier = t('validation.required');
  else if (v.supplier.trim().length > 100) e.supplier = t('validation.maxLength', { max: 100 });
  if (v.validFrom === '') e.validFrom = t('validation.required');
  if (v.validTo !== '' && v.validFrom !== '' && v.validTo < v.validFrom) e.validTo = t('validation.toBeforeFrom');
  if (v.dayPricePerKwh.trim() === '') e.dayPricePerKwh = t('validation.required');
  else if (!isDecimal(v.dayPricePerKwh, 5)) e.dayPricePerKwh = t('validation.unitPrice');
  if (v.nightPricePerKwh.trim() !== '' && !isDecimal(v.nightPricePerKwh, 5)) e.nightPricePerKwh = t('validation.unitPrice');
  if (v.nightPricePerKwh.trim() !== '') {
    if (!TIME_OF_DAY.test(v.nightStart)) e.nightStart = t('validation.timeOfDay');
    if (!TIME_OF_DAY.test(v.nightEnd)) e.nightEnd = t('validation.timeOfDay');
    else if (v.nightEnd === v.nightStart) e.nightEnd = t('validation.timesDiffer');
  }
  return e;
}

export function contractBodyOf(v: Values): ContractBody {
  const night = toDecimal(v.nightPricePerKwh);
  return {
    supplier: v.supplier.trim(),
    validFrom: v.validFrom,
    validTo: v.validTo === '' ? null : v.validTo,
    dayPricePerKwh: toDecimal(v.dayPricePerKwh) ?? 0,
    nightPricePerKwh: night,
    nightStart: v.nightStart,
    nightEnd: v.nightEnd,
    weekendsAtNightPrice: night !== null && v.weekendsAtNightPrice,
  };
}

/** Add an energy contract: the prices incl. VAT as the energy bill states them, checked as typed, the service's violations per field. */
export function EnergyContractForm({ onSubmit, onCancel }: { onSubmit: (body: ContractBody) => Promise<unknown>; onCancel?: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState<Values>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<keyof Values, boolean>>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const local = validateContract(v, t);
  const server = fieldErrorsOf(problem);
  const error = (k: keyof Values) => (touched[k] ? local[k] : undefined) ?? server[k];
  const set = (k: keyof Values) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = k === 'weekendsAtNightPrice' ? e.currentTarget.checked : e.currentTarget.value;
    setV({ ...v, [k]: value });
    setTouched({ ...touched, [k]: true });
  };
  const hasNight = v.nightPricePerKwh.trim() !== '';
  return (
    <form
      noValidate
      aria-label={t('contracts.add')}
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched({ supplier: true, validFrom: true, validTo: true, dayPricePerKwh: true, nightPricePerKwh: true, nightStart: true, nightEnd: true });
        if (Object.keys(local).length) return;
        setSaving(true);
        setProblem(null);
        try {
          await onSubmit(contractBodyOf(v));
        } catch (err) {
          setProblem(err);
        } finally {
          setSaving(false);
        }
      }}
    >
      <Stack>
        <ProblemAlert error={problem} title={t('contracts.saveFailed')} />
        <TextInput label={t('contracts.supplier')} required value={v.supplier} onChange={set('supplier')} error={error('supplier')} data-testid="contract-supplier" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('contracts.validFrom')} required value={v.validFrom} onChange={set('validFrom')} error={error('validFrom')} data-testid="contract-valid-from" />
          <TextInput type="date" label={t('contracts.validTo')} description={t('contracts.validToHint')} value={v.validTo} onChange={set('validTo')} error={error('validTo')} data-testid="contract-valid-to" />
          <TextInput label={t('contracts.dayPrice')} description={t('contracts.priceHint')} required inputMode="decimal" value={v.dayPricePerKwh} onChange={set('dayPricePerKwh')} error={error('dayPricePerKwh')} data-testid="contract-day-price" />
          <TextInput label={t('contracts.nightPrice')} description={t('contracts.nightPriceHint')} inputMode="decimal" value={v.nightPricePerKwh} onChange={set('nightPricePerKwh')} error={error('nightPricePerKwh')} data-testid="contract-night-price" />
          <TextInput type="time" label={t('contracts.nightStart')} required={hasNight} disabled={!hasNight} value={v.nightStart} onChange={set('nightStart')} error={error('nightStart')} data-testid="contract-night-start" />
          <TextInput type="time" label={t('contracts.nightEnd')} required={hasNight} disabled={!hasNight} value={v.nightEnd} onChange={set('nightEnd')} error={error('nightEnd')} data-testid="contract-night-end" />
        </SimpleGrid>
        <Checkbox label={t('contracts.weekendsAtNightPrice')} disabled={!hasNight} checked={v.weekendsAtNightPrice} onChange={set('weekendsAtNightPrice')} data-testid="contract-weekends" />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving} data-testid="save-contract">
            {t('contracts.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
