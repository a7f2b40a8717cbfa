import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Driver, ReimbursementBasis, ReimbursementRate, ReimbursementRateForm, ReimbursementRateVersionForm } from '../api/types';
import { useI18n } from '../i18n';
import { isDecimal, toDecimal } from '../validation';
import { ProblemAlert, fieldErrorsOf } from './ui';

export interface RateValues {
  scope: 'driver' | 'userType';
  driverId: string;
  userType: string;
  effectiveFrom: string;
  basis: ReimbursementBasis;
  pricePerKwh: string;
  capPerKwh: string;
  monthlyCap: string;
  vatPercent: string;
  correction: boolean;
  reason: string;
}

type T = ReturnType<typeof useI18n>['t'];

/** What is wrong with a rate (or a new version of one) as typed, by field of the request. */
export function validateRate(v: RateValues, t: T, isVersion: boolean): Record<string, string> {
  const e: Record<string, string> = {};
  if (!isVersion) {
    if (v.scope === 'driver' && !v.driverId) e.driverId = t('validation.required');
    if (v.scope === 'userType' && !v.userType) e.userType = t('validation.required');
  }
  if (!v.effectiveFrom) e.effectiveFrom = t('validation.required');
  if (v.basis === 'FIXED') {
    if (v.pricePerKwh.trim() === '') e.pricePerKwh = t('validation.required');
    else if (!isDecimal(v.pricePerKwh, 5)) e.pricePerKwh = t('validation.unitPrice');
  }
  if (v.capPerKwh.trim() !== '' && !isDecimal(v.capPerKwh, 5)) e.capPerKwh = t('validation.unitPrice');
  if (v.monthlyCap.trim() !== '' && !isDecimal(v.monthlyCap, 2)) e.monthlyCap = t('validation.amount');
  const vat = Number(v.vatPercent.replace(',', '.'));
  if (!isDecimal(v.vatPercent, 2) || vat > 100) e.vatRate = t('validation.vatPercent');
  if (isVersion && v.correction && v.reason.trim() === '') e.reason = t('validation.reasonRequired');
  return e;
}

export function rateVersionBodyOf(v: RateValues): ReimbursementRateVersionForm {
  return {
    effectiveFrom: v.effectiveFrom,
    basis: v.basis,
    pricePerKwh: v.basis === 'FIXED' ? toDecimal(v.pricePerKwh) : null,
    capPerKwh: toDecimal(v.capPerKwh),
    monthlyCap: toDecimal(v.monthlyCap),
    vatRate: Math.round(Number(v.vatPercent.replace(',', '.')) * 100) / 10000,
  };
}

export function rateBodyOf(v: RateValues): ReimbursementRateForm {
  return {
    driverId: v.scope === 'driver' ? v.driverId : null,
    userType: v.scope === 'userType' ? v.userType : null,
    ...rateVersionBodyOf(v),
  };
}

function initial(rate: ReimbursementRate | null, today: string): RateValues {
  const latest = rate?.versions[rate.versions.length - 1];
  const text = (m: unknown) => (m === null || m === undefined ? '' : String(m));
  return {
    scope: 'driver',
    driverId: '',
    userType: '',
    effectiveFrom: today,
    basis: latest?.basis ?? 'FIXED',
    pricePerKwh: text(latest?.pricePerKwh),
    capPerKwh: text(latest?.capPerKwh),
    monthlyCap: text(latest?.monthlyCap),
    vatPercent: latest ? String(Math.round(Number(latest.vatRate) * 10000) / 100) : '0',
    correction: false,
    reason: '',
  };
}

/**
 * A new reimbursement rate for one employee or a user type, or (given a rate) its next version: a later
 * change, or a correction of a version, with the reason kept beside it.
 */
export function RateForm({ rate, employees, userTypes, today, onSubmit, onCancel }: {
  rate: ReimbursementRate | null;
  employees: Driver[];
  userTypes: string[];
  today: string;
  onSubmit: (body: ReimbursementRateForm | ReimbursementRateVersionForm) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t, te } = useI18n();
  const isVersion = rate !== null;
  const [v, setV] = useState<RateValues>(() => initial(rate, today));
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const local = validateRate(v, t, isVersion);
  const server = fieldErrorsOf(problem);
  const error = (k: string) => ((submitted || touched[k]) ? local[k] : undefined) ?? server[k];
  const set = <K extends keyof RateValues>(k: K, value: RateValues[K], field: string = k) => {
    setV((old) => ({ ...old, [k]: value }));
    setTouched((old) => ({ ...old, [field]: true }));
  };
  return (
    <form
      noValidate
      aria-label={isVersion ? t('rates.newVersion') : t('rates.create')}
      onSubmit={async (e) => {
        e.preventDefault();
        setSubmitted(true);
        if (Object.keys(local).length) return;
        setSaving(true);
        setProblem(null);
        try {
          if (isVersion) await onSubmit({ ...rateVersionBodyOf(v), correction: v.correction, reason: v.reason.trim() || null });
          else await onSubmit(rateBodyOf(v));
        } catch (err) {
          setProblem(err);
        } finally {
          setSaving(false);
        }
      }}
    >
      <Stack>
        <ProblemAlert error={problem} title={t('rates.saveFailed')} />
        {!isVersion && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('rates.scope')}
              value={v.scope}
              onChange={(e) => set('scope', e.currentTarget.value as RateValues['scope'])}
              data={[
                { value: 'driver', label: t('rates.scopeDriver') },
                { value: 'userType', label: t('rates.scopeUserType') },
              ]}
              data-testid="rate-scope"
            />
            {v.scope === 'driver' ? (
              <NativeSelect
                label={t('rates.employee')}
                required
                value={v.driverId}
                onChange={(e) => set('driverId', e.currentTarget.value)}
                error={error('driverId')}
                data={[{ value: '', label: t('rates.chooseEmployee') }, ...employees.map((d) => ({ value: d.id, label: `${d.name} (${d.email})` }))]}
                data-testid="rate-driver"
              />
            ) : (
              <NativeSelect
                label={t('drivers.userType')}
                required
                value={v.userType}
                onChange={(e) => set('userType', e.currentTarget.value)}
                error={error('userType')}
                data={[{ value: '', label: t('rates.chooseUserType') }, ...userTypes.map((u) => ({ value: u, label: te('userType', u) }))]}
                data-testid="rate-user-type"
              />
            )}
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('rates.effectiveFrom')} required value={v.effectiveFrom} onChange={(e) => set('effectiveFrom', e.currentTarget.value)} error={error('effectiveFrom')} data-testid="rate-effective-from" />
          <NativeSelect
            label={t('rates.basis')}
            value={v.basis}
            onChange={(e) => set('basis', e.currentTarget.value as ReimbursementBasis)}
            data={(['FIXED', 'CONTRACT'] as const).map((b) => ({ value: b, label: te('rateBasis', b) }))}
            description={v.basis === 'CONTRACT' ? t('rates.contractHint') : t('rates.fixedHint')}
            data-testid="rate-basis"
          />
          {v.basis === 'FIXED' && (
            <TextInput label={t('rates.pricePerKwh')} required inputMode="decimal" value={v.pricePerKwh} onChange={(e) => set('pricePerKwh', e.currentTarget.value)} error={error('pricePerKwh')} data-testid="rate-price" />
          )}
          <TextInput label={t('rates.capPerKwh')} description={t('rates.optional')} inputMode="decimal" value={v.capPerKwh} onChange={(e) => set('capPerKwh', e.currentTarget.value)} error={error('capPerKwh')} data-testid="rate-cap" />
          <TextInput label={t('rates.monthlyCap')} description={t('rates.monthlyCapHint')} inputMode="decimal" value={v.monthlyCap} onChange={(e) => set('monthlyCap', e.currentTarget.value)} error={error('monthlyCap')} data-testid="rate-monthly-cap" />
          <TextInput label={t('tariffs.vatPercent')} inputMode="decimal" rightSection="%" value={v.vatPercent} onChange={(e) => set('vatPercent', e.currentTarget.value, 'vatRate')} error={error('vatRate')} data-testid="rate-vat" />
        </SimpleGrid>
        {isVersion && (
          <>
            <Checkbox label={t('rates.correction')} description={t('rates.correctionHint')} checked={v.correction} onChange={(e) => set('correction', e.currentTarget.checked)} data-testid="rate-correction" />
            <Textarea label={t('rates.reason')} required={v.correction} value={v.reason} onChange={(e) => set('reason', e.currentTarget.value)} error={error('reason')} rows={2} maxLength={500} data-testid="rate-reason" />
          </>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving} data-testid="save-rate">
            {isVersion ? t('rates.saveVersion') : t('rates.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
