import { ActionIcon, Button, Card, Checkbox, Chip, Fieldset, Group, MultiSelect, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Charger, ComponentType, DayOfWeek, Site, Tariff, TariffComponent, TariffForm } from '../api/types';
import { instantToZoned, zonedToInstant } from '../format';
import { useI18n } from '../i18n';
import { TIME_OF_DAY, isDecimal } from '../validation';
import { ProblemAlert, fieldErrorsOf } from './ui';

export const COMPONENT_TYPES: ComponentType[] = ['ENERGY', 'START_FEE', 'TIME', 'IDLE_FEE', 'MIN_PRICE', 'MAX_PRICE'];
export const DAYS: DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export interface ComponentDraft {
  type: ComponentType;
  unitPrice: string;
  label: string;
  timeBasis: 'CHARGING' | 'CONNECTED';
  graceMinutes: string;
  cap: string;
  startTime: string;
  endTime: string;
  days: DayOfWeek[];
  startDate: string;
  endDate: string;
  minKwh: string;
  maxKwh: string;
  minDurationMinutes: string;
  maxDurationMinutes: string;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function draftOf(c?: TariffComponent): ComponentDraft {
  const r = c?.restrictions ?? {};
  return {
    type: c?.type ?? 'ENERGY',
    unitPrice: c ? String(Number(c.unitPrice)) : '',
    label: c?.label ?? '',
    timeBasis: c?.timeBasis ?? 'CHARGING',
    graceMinutes: str(c?.graceMinutes),
    cap: str(c?.cap),
    startTime: r.startTime?.substring(0, 5) ?? '',
    endTime: r.endTime?.substring(0, 5) ?? '',
    days: r.daysOfWeek ?? [],
    startDate: r.startDate ?? '',
    endDate: r.endDate ?? '',
    minKwh: str(r.minKwh),
    maxKwh: str(r.maxKwh),
    minDurationMinutes: str(r.minDurationMinutes),
    maxDurationMinutes: str(r.maxDurationMinutes),
  };
}

type T = (key: Parameters<ReturnType<typeof useI18n>['t']>[0], vars?: Record<string, string | number>) => string;

/** The field rules of tariff-service, by the field name it reports (components[0].restrictions.endTime). */
export function validateTariff(d: { name: string; vatPercent: string; components: ComponentDraft[] }, t: T): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.name.trim()) e.name = t('validation.required');
  else if (d.name.length > 200) e.name = t('validation.maxLength', { max: 200 });
  const vat = Number(d.vatPercent.replace(',', '.'));
  if (!isDecimal(d.vatPercent, 2) || vat > 100) e.vatRate = t('validation.vatPercent');
  if (d.components.length === 0) e.components = t('tariffs.needComponent');
  d.components.forEach((c, i) => {
    const p = `components[${i}]`;
    if (!isDecimal(c.unitPrice, 5)) e[`${p}.unitPrice`] = t('validation.unitPrice');
    if (c.label.length > 100) e[`${p}.label`] = t('validation.maxLength', { max: 100 });
    if (c.type === 'IDLE_FEE') {
      if (c.graceMinutes && (!/^\d+$/.test(c.graceMinutes) || Number(c.graceMinutes) > 1440)) e[`${p}.graceMinutes`] = t('validation.graceMinutes');
      if (c.cap && !isDecimal(c.cap, 2)) e[`${p}.cap`] = t('validation.amount');
    }
    const r = `${p}.restrictions`;
    if (!!c.startTime !== !!c.endTime) e[c.startTime ? `${r}.endTime` : `${r}.startTime`] = t('validation.timesTogether');
    if (c.startTime && !TIME_OF_DAY.test(c.startTime)) e[`${r}.startTime`] = t('validation.timeOfDay');
    if (c.endTime && !TIME_OF_DAY.test(c.endTime)) e[`${r}.endTime`] = t('validation.timeOfDay');
    if (c.startTime && c.startTime === c.endTime) e[`${r}.endTime`] = t('validation.timesDiffer');
    if (c.startDate && c.endDate && c.endDate < c.startDate) e[`${r}.endDate`] = t('validation.endBeforeStart');
    if (c.minKwh && !isDecimal(c.minKwh, 3)) e[`${r}.minKwh`] = t('validation.kwh');
    if (c.maxKwh && !isDecimal(c.maxKwh, 3)) e[`${r}.maxKwh`] = t('validation.kwh');
    else if (c.maxKwh && Number(c.maxKwh) <= Number(c.minKwh || 0)) e[`${r}.maxKwh`] = t('validation.maxAboveMin');
    if (c.minDurationMinutes && !/^\d+$/.test(c.minDurationMinutes)) e[`${r}.minDurationMinutes`] = t('validation.minutes');
    if (c.maxDurationMinutes && !/^\d+$/.test(c.maxDurationMinutes)) e[`${r}.maxDurationMinutes`] = t('validation.minutes');
    else if (c.maxDurationMinutes && Number(c.maxDurationMinutes) <= Number(c.minDurationMinutes || 0)) e[`${r}.maxDurationMinutes`] = t('validation.maxAboveMin');
  });
  return e;
}

export function componentOf(c: ComponentDraft): TariffComponent {
  const dec = (s: string) => (s.trim() === '' ? null : s.trim().replace(',', '.'));
  const int = (s: string) => (s.trim() === '' ? null : Number(s));
  const restrictions = {
    startTime: c.startTime || null,
    endTime: c.endTime || null,
    daysOfWeek: c.days.length ? DAYS.filter((d) => c.days.includes(d)) : null,
    startDate: c.startDate || null,
    endDate: c.endDate || null,
    minKwh: dec(c.minKwh),
    maxKwh: dec(c.maxKwh),
    minDurationMinutes: int(c.minDurationMinutes),
    maxDurationMinutes: int(c.maxDurationMinutes),
  };
  const cleaned = Object.fromEntries(Object.entries(restrictions).filter(([, v]) => v !== null));
  return {
    type: c.type,
    unitPrice: dec(c.unitPrice) ?? '0',
    ...(c.label.trim() ? { label: c.label.trim() } : {}),
    ...(c.type === 'TIME' ? { timeBasis: c.timeBasis } : {}),
    ...(c.type === 'IDLE_FEE' && c.graceMinutes ? { graceMinutes: Number(c.graceMinutes) } : {}),
    ...(c.type === 'IDLE_FEE' && c.cap ? { cap: dec(c.cap) } : {}),
    ...(Object.keys(cleaned).length ? { restrictions: cleaned } : {}),
  };
}

function ComponentEditor({ c, i, errors, onChange, onRemove, canRemove }: {
  c: ComponentDraft; i: number; errors: Record<string, string>; onChange: (c: ComponentDraft) => void; onRemove: () => void; canRemove: boolean;
}) {
  const { t, te } = useI18n();
  const p = `components[${i}]`;
  const r = `${p}.restrictions`;
  const set = (k: keyof ComponentDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...c, [k]: e.currentTarget.value });
  const unit = te('unit', c.type);
  return (
    <Card withBorder data-testid={`component-${i}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('tariffs.componentN', { n: i + 1 })}
          </Title>
          {canRemove && (
            <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('tariffs.removeComponent', { n: i + 1 })} data-testid={`remove-component-${i}`}>
              ✕
            </ActionIcon>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect label={t('tariffs.type')} value={c.type} onChange={set('type')} data={COMPONENT_TYPES.map((x) => ({ value: x, label: te('componentType', x) }))} data-testid={`component-${i}-type`} />
          <TextInput label={t('tariffs.unitPrice', { unit })} description={t('tariffs.exclVat')} inputMode="decimal" value={c.unitPrice} onChange={set('unitPrice')} error={errors[`${p}.unitPrice`]} data-testid={`component-${i}-price`} />
          <TextInput label={t('tariffs.label')} description={t('tariffs.labelHint')} value={c.label} onChange={set('label')} error={errors[`${p}.label`]} />
          {c.type === 'TIME' && (
            <NativeSelect label={t('tariffs.timeBasis')} value={c.timeBasis} onChange={set('timeBasis')} data={[{ value: 'CHARGING', label: t('tariffs.basisCharging') }, { value: 'CONNECTED', label: t('tariffs.basisConnected') }]} error={errors[`${p}.timeBasis`]} />
          )}
          {c.type === 'IDLE_FEE' && (
            <>
              <TextInput label={t('tariffs.graceMinutes')} inputMode="numeric" value={c.graceMinutes} onChange={set('graceMinutes')} error={errors[`${p}.graceMinutes`]} />
              <TextInput label={t('tariffs.cap')} inputMode="decimal" value={c.cap} onChange={set('cap')} error={errors[`${p}.cap`]} />
            </>
          )}
        </SimpleGrid>
        <Fieldset legend={t('tariffs.restrictions')} variant="filled">
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t('tariffs.restrictionsHint')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <TextInput type="time" label={t('tariffs.startTime')} value={c.startTime} onChange={set('startTime')} error={errors[`${r}.startTime`]} data-testid={`component-${i}-start-time`} />
              <TextInput type="time" label={t('tariffs.endTime')} value={c.endTime} onChange={set('endTime')} error={errors[`${r}.endTime`]} data-testid={`component-${i}-end-time`} />
              <TextInput type="date" label={t('tariffs.startDate')} value={c.startDate} onChange={set('startDate')} error={errors[`${r}.startDate`]} />
              <TextInput type="date" label={t('tariffs.endDate')} value={c.endDate} onChange={set('endDate')} error={errors[`${r}.endDate`]} />
            </SimpleGrid>
            <Chip.Group multiple value={c.days} onChange={(v) => onChange({ ...c, days: v as DayOfWeek[] })}>
              <Group gap={6} role="group" aria-label={t('tariffs.days')}>
                <Text size="sm" fw={500}>
                  {t('tariffs.days')}
                </Text>
                {DAYS.map((d) => (
                  <Chip key={d} value={d} size="xs" data-testid={`component-${i}-day-${d}`}>
                    {te('dayShort', d)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {errors[`${r}.daysOfWeek`] && <Text size="xs" c="red.8">{errors[`${r}.daysOfWeek`]}</Text>}
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <TextInput label={t('tariffs.minKwh')} inputMode="decimal" value={c.minKwh} onChange={set('minKwh')} error={errors[`${r}.minKwh`]} />
              <TextInput label={t('tariffs.maxKwh')} inputMode="decimal" value={c.maxKwh} onChange={set('maxKwh')} error={errors[`${r}.maxKwh`]} data-testid={`component-${i}-max-kwh`} />
              <TextInput label={t('tariffs.minDuration')} inputMode="numeric" value={c.minDurationMinutes} onChange={set('minDurationMinutes')} error={errors[`${r}.minDurationMinutes`]} />
              <TextInput label={t('tariffs.maxDuration')} inputMode="numeric" value={c.maxDurationMinutes} onChange={set('maxDurationMinutes')} error={errors[`${r}.maxDurationMinutes`]} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        {errors[p] && <Text size="sm" c="red.8">{errors[p]}</Text>}
      </Stack>
    </Card>
  );
}

/**
 * Creates a tariff, or the next version of one: its scope (user types, all chargers, a site or a
 * charger), the VAT rate, from when it applies, and its components with their restrictions. The
 * rules of tariff-service are checked as the fields change; its answer is shown next to the field.
 */
export function TariffEditor({ tariff, userTypes, sites, chargers, zone, onSave, onCancel }: {
  tariff: Tariff | null;
  userTypes: string[];
  sites: Site[];
  chargers: Charger[];
  zone: string;
  onSave: (form: TariffForm) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t, te } = useI18n();
  const latest = tariff?.versions[tariff.versions.length - 1];
  const [name, setName] = useState(tariff?.name ?? '');
  const [types, setTypes] = useState<string[]>(tariff?.userTypes ?? []);
  const [scope, setScope] = useState<'all' | 'site' | 'charger'>(tariff?.chargerId ? 'charger' : tariff?.siteId ? 'site' : 'all');
  const [siteId, setSiteId] = useState(tariff?.siteId ?? sites[0]?.id ?? '');
  const [chargerId, setChargerId] = useState(tariff?.chargerId ?? chargers[0]?.id ?? '');
  const [vatPercent, setVatPercent] = useState(latest ? String(Math.round(Number(latest.vatRate) * 10000) / 100) : '21');
  const [effectiveNow, setEffectiveNow] = useState(!tariff);
  const [effectiveFrom, setEffectiveFrom] = useState(() => (tariff ? instantToZoned(new Date(Date.now() + 86_400_000).toISOString(), zone).substring(0, 10) + 'T00:00' : ''));
  const [components, setComponents] = useState<ComponentDraft[]>(latest ? latest.components.map(draftOf) : [draftOf()]);
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const local = useMemo(() => validateTariff({ name, vatPercent, components }, t), [name, vatPercent, components, t]);
  const server = fieldErrorsOf(problem);
  // a field left empty is only reported once saving was tried; what was typed is checked at once
  const untouchedEmpty = (key: string) => {
    if (key === 'name') return name === '';
    const m = /^components\[(\d+)]\.unitPrice$/.exec(key);
    return !!m && components[Number(m[1])]?.unitPrice === '';
  };
  const shown = touched ? local : Object.fromEntries(Object.entries(local).filter(([k]) => !untouchedEmpty(k)));
  const errors = { ...server, ...shown };
  const fixed = !!tariff;

  const save = async () => {
    setTouched(true);
    if (Object.keys(local).length) return;
    if (scope === 'site' && !siteId) return;
    if (scope === 'charger' && !chargerId) return;
    const form: TariffForm = {
      name: name.trim(),
      userTypes: types,
      siteId: scope === 'site' ? siteId : null,
      chargerId: scope === 'charger' ? chargerId : null,
      vatRate: (Math.round(Number(vatPercent.replace(',', '.')) * 100) / 10000).toFixed(4),
      components: components.map(componentOf),
      effectiveFrom: effectiveNow || !effectiveFrom ? null : zonedToInstant(effectiveFrom, zone),
    };
    setSaving(true);
    setProblem(null);
    try {
      await onSave(form);
    } catch (e) {
      setProblem(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack data-testid="tariff-editor">
      <ProblemAlert error={problem} title={t('tariffs.saveFailed')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('tariffs.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-testid="tariff-name" />
        <TextInput label={t('tariffs.vatPercent')} inputMode="decimal" value={vatPercent} onChange={(e) => setVatPercent(e.currentTarget.value)} error={errors.vatRate} rightSection="%" data-testid="tariff-vat" />
      </SimpleGrid>
      <MultiSelect
        label={t('tariffs.userTypes')}
        description={t('tariffs.userTypesHint')}
        data={userTypes.map((u) => ({ value: u, label: te('userType', u) }))}
        value={types}
        onChange={setTypes}
        disabled={fixed}
        error={Object.entries(errors).find(([k]) => k.startsWith('userTypes'))?.[1]}
        data-testid="tariff-user-types"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="scope-label">
          {t('tariffs.appliesAt')}
        </Text>
        <SegmentedControl
          aria-labelledby="scope-label"
          value={scope}
          onChange={(v) => setScope(v as typeof scope)}
          disabled={fixed}
          data={[
            { value: 'all', label: t('tariffs.scopeAll') },
            { value: 'site', label: t('tariffs.scopeSite') },
            { value: 'charger', label: t('tariffs.scopeCharger') },
          ]}
          data-testid="tariff-scope"
        />
        {scope === 'site' && <NativeSelect label={t('chargers.site')} value={siteId} disabled={fixed} onChange={(e) => setSiteId(e.currentTarget.value)} data={sites.map((s) => ({ value: s.id, label: s.name }))} error={errors.siteId} />}
        {scope === 'charger' && <NativeSelect label={t('sessions.charger')} value={chargerId} disabled={fixed} onChange={(e) => setChargerId(e.currentTarget.value)} data={chargers.map((c) => ({ value: c.id, label: c.chargePointId }))} error={errors.chargerId} />}
      </Stack>
      <Group align="flex-end">
        <Checkbox label={t('tariffs.effectiveNow')} checked={effectiveNow} onChange={(e) => setEffectiveNow(e.currentTarget.checked)} />
        {!effectiveNow && (
          <TextInput type="datetime-local" label={t('tariffs.effectiveFrom')} description={t('common.inZone', { zone })} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.currentTarget.value)} error={errors.effectiveFrom} data-testid="tariff-effective-from" />
        )}
      </Group>
      {errors.components && <Text c="red.8" size="sm">{errors.components}</Text>}
      {components.map((c, i) => (
        <ComponentEditor
          key={i}
          c={c}
          i={i}
          errors={errors}
          canRemove={components.length > 1}
          onChange={(next) => setComponents(components.map((x, j) => (j === i ? next : x)))}
          onRemove={() => setComponents(components.filter((_, j) => j !== i))}
        />
      ))}
      <Group justify="space-between">
        <Button variant="light" onClick={() => setComponents([...components, draftOf()])} disabled={components.length >= 50} data-testid="add-component">
          {t('tariffs.addComponent')}
        </Button>
        <Group>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button onClick={save} loading={saving} data-testid="save-tariff">
            {tariff ? t('tariffs.saveVersion') : t('tariffs.create')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
