import { Button, Checkbox, Fieldset, Text, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { DOCUMENT_LANGUAGES, type DocumentLanguage, type Operator, type OperatorForm as Body } from '../api/types';
import { useI18n } from '../i18n';
import { BIC, CHAMBER_OF_COMMERCE, COUNTRY, EMAIL, INVOICE_PREFIX, USER_TYPE, VAT_NUMBER, isIban } from '../validation';
import { ProblemAlert, fieldErrorsOf } from './ui';

const BUILT_IN = ['RESIDENT', 'EMPLOYEE', 'GUEST'];

/** The language of an operator that chose none, from its country, as the registry decides it. */
export function countryLanguage(countryCode: string): DocumentLanguage {
  const country = countryCode.trim().toUpperCase();
  return country === 'NL' || country === 'BE' ? 'nl' : country === 'DE' ? 'de' : 'en';
}

/** An operator's legal data and settings; a PUT sends them all, so the roaming lists are kept as they are. */
export function OperatorForm({ operator, onSubmit, submitLabel }: { operator: Operator | null; onSubmit: (b: Body) => Promise<unknown>; submitLabel: string }) {
  const { t, te } = useI18n();
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const req = (v: string) => (v.trim() === '' ? t('validation.required') : null);
  const form = useForm({
    mode: 'controlled',
    validateInputOnChange: true,
    initialValues: {
      legalName: operator?.legalName ?? '',
      address: { street: operator?.address.street ?? '', postalCode: operator?.address.postalCode ?? '', city: operator?.address.city ?? '', countryCode: operator?.address.countryCode ?? 'NL' },
      vatNumber: operator?.vatNumber ?? '',
      chamberOfCommerceNumber: operator?.chamberOfCommerceNumber ?? '',
      iban: operator?.iban ?? '',
      bic: operator?.bic ?? '',
      contactEmail: operator?.contactEmail ?? '',
      timeZone: operator?.timeZone ?? 'Europe/Amsterdam',
      billingInterval: operator?.billingInterval ?? 'MONTHLY',
      graceDays: operator?.graceDays ?? 5,
      paymentTermDays: operator?.paymentTermDays ?? 14,
      invoiceNumberPrefix: operator?.invoiceNumberPrefix ?? '',
      userTypes: (operator?.userTypes ?? []).filter((u) => !BUILT_IN.includes(u)),
      blockCards: operator?.dunning.blockCards ?? false,
      blockAfterDaysOverdue: operator?.dunning.blockAfterDaysOverdue ?? 14,
      issuesStatements: operator?.issuesStatements ?? false,
      acceptsUnknownChargers: operator?.acceptsUnknownChargers ?? false,
      // '' keeps the country's language, so that a later change of country changes it too
      language: (!operator || operator.languageIsDefault ? '' : operator.language) as DocumentLanguage | '',
      invoiceMailEnabled: operator?.invoiceMail?.enabled ?? true,
      invoiceMailBcc: operator?.invoiceMail?.bcc ?? '',
      employerBilledUserTypes: operator?.employerBilledUserTypes ?? ['EMPLOYEE'],
      meterValueSampleInterval: operator?.chargerSettings?.meterValueSampleInterval ?? 60,
      authorizeRemoteTxRequests: operator?.chargerSettings?.authorizeRemoteTxRequests ?? false,
      localPreAuthorize: operator?.chargerSettings?.localPreAuthorize ?? false,
      ocpp201Allowed: operator?.chargerSettings?.ocpp201Allowed ?? true,
    },
    validate: {
      legalName: req,
      address: { street: req, postalCode: req, city: req, countryCode: (v: string) => (!COUNTRY.test(v) ? t('validation.country') : null) },
      vatNumber: (v: string) => (!VAT_NUMBER.test(v) ? t('validation.vatNumber') : null),
      chamberOfCommerceNumber: (v: string) => (!CHAMBER_OF_COMMERCE.test(v) ? t('validation.chamber') : null),
      iban: (v: string) => (!isIban(v) ? t('validation.iban') : null),
      bic: (v: string) => (v && !BIC.test(v) ? t('validation.bic') : null),
      contactEmail: (v: string) => (!EMAIL.test(v) ? t('validation.email') : null),
      invoiceNumberPrefix: (v: string) => (!INVOICE_PREFIX.test(v) ? t('validation.prefix') : null),
      graceDays: (v: number) => (v < 0 || v > 60 ? t('validation.range', { min: 0, max: 60 }) : null),
      paymentTermDays: (v: number) => (v < 0 || v > 120 ? t('validation.range', { min: 0, max: 120 }) : null),
      blockAfterDaysOverdue: (v: number) => (v < 0 || v > 365 ? t('validation.range', { min: 0, max: 365 }) : null),
      userTypes: (v: string[]) => (v.some((u) => !USER_TYPE.test(u)) ? t('validation.userTypePattern') : null),
      invoiceMailBcc: (v: string) => (v.trim() && !EMAIL.test(v.trim()) ? t('validation.email') : null),
      meterValueSampleInterval: (v: number) => (v < 10 || v > 3600 ? t('validation.range', { min: 10, max: 3600 }) : null),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setSaving(true);
        setProblem(null);
        try {
          await onSubmit({
            legalName: v.legalName.trim(),
            address: { ...v.address },
            vatNumber: v.vatNumber,
            chamberOfCommerceNumber: v.chamberOfCommerceNumber,
            iban: v.iban.replace(/\s+/g, '').toUpperCase(),
            bic: v.bic || null,
            contactEmail: v.contactEmail.trim(),
            timeZone: v.timeZone,
            currency: 'EUR',
            billingInterval: v.billingInterval,
            graceDays: v.graceDays,
            paymentTermDays: v.paymentTermDays,
            invoiceNumberPrefix: v.invoiceNumberPrefix,
            acceptsUnknownChargers: v.acceptsUnknownChargers,
            userTypes: v.userTypes,
            dunning: { blockCards: v.blockCards, blockAfterDaysOverdue: v.blockAfterDaysOverdue },
            issuesStatements: v.issuesStatements,
            cardsValidAt: operator?.cardsValidAt ?? [],
            acceptsCardsOf: operator?.acceptsCardsOf ?? [],
            language: v.language === '' ? null : v.language,
            invoiceMail: { enabled: v.invoiceMailEnabled, bcc: v.invoiceMailBcc.trim() || null },
            // only types the operator still has
            employerBilledUserTypes: v.employerBilledUserTypes.filter((u) => [...BUILT_IN, ...v.userTypes].includes(u)),
            // sent on every save: left out, the service would put the defaults back
            chargerSettings: {
              meterValueSampleInterval: v.meterValueSampleInterval,
              authorizeRemoteTxRequests: v.authorizeRemoteTxRequests,
              localPreAuthorize: v.localPreAuthorize,
              ocpp201Allowed: v.ocpp201Allowed,
            },
          });
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
        <Fieldset legend={t('settings.legal')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('settings.legalName')} required {...form.getInputProps('legalName')} data-testid="operator-legal-name" />
            <TextInput label={t('settings.contactEmail')} required type="email" {...form.getInputProps('contactEmail')} />
            <TextInput label={t('address.street')} required {...form.getInputProps('address.street')} />
            <TextInput label={t('address.postalCode')} required {...form.getInputProps('address.postalCode')} />
            <TextInput label={t('address.city')} required {...form.getInputProps('address.city')} />
            <TextInput label={t('address.countryCode')} required maxLength={2} {...form.getInputProps('address.countryCode')} />
            <TextInput label={t('settings.vatNumber')} required {...form.getInputProps('vatNumber')} />
            <TextInput label={t('settings.chamber')} required {...form.getInputProps('chamberOfCommerceNumber')} />
            <TextInput label={t('drivers.iban')} required {...form.getInputProps('iban')} />
            <TextInput label={t('drivers.bic')} {...form.getInputProps('bic')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('settings.billing')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('settings.interval')} data={['WEEKLY', 'MONTHLY', 'QUARTERLY'].map((i) => ({ value: i, label: te('interval', i) }))} {...form.getInputProps('billingInterval')} />
            <NumberInput label={t('settings.graceDays')} min={0} max={60} {...form.getInputProps('graceDays')} />
            <NumberInput label={t('settings.paymentDays')} min={0} max={120} {...form.getInputProps('paymentTermDays')} />
            <TextInput label={t('settings.prefix')} required {...form.getInputProps('invoiceNumberPrefix')} />
            <TextInput label={t('settings.timeZone')} description={t('settings.timeZoneHint')} {...form.getInputProps('timeZone')} />
          </SimpleGrid>
          <Checkbox mt="sm" label={t('settings.statements')} {...form.getInputProps('issuesStatements', { type: 'checkbox' })} />
        </Fieldset>
        <Fieldset legend={t('settings.documents')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('settings.language')}
              description={t('settings.languageHint')}
              data={[
                { value: '', label: t('settings.languageOfCountry', { language: te('documentLanguage', countryLanguage(form.values.address.countryCode)) }) },
                ...DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: te('documentLanguage', l) })),
              ]}
              {...form.getInputProps('language')}
              data-testid="operator-language"
            />
            <TextInput
              label={t('settings.invoiceMailBcc')}
              description={t('settings.invoiceMailBccHint')}
              type="email"
              {...form.getInputProps('invoiceMailBcc')}
              data-testid="operator-invoice-mail-bcc"
            />
          </SimpleGrid>
          <Checkbox
            mt="sm"
            label={t('settings.invoiceMailEnabled')}
            description={t('settings.invoiceMailEnabledHint')}
            {...form.getInputProps('invoiceMailEnabled', { type: 'checkbox' })}
            data-testid="operator-invoice-mail"
          />
        </Fieldset>
        <Fieldset legend={t('settings.dunning')}>
          <Group align="flex-end">
            <Checkbox label={t('settings.blockCards')} {...form.getInputProps('blockCards', { type: 'checkbox' })} />
            <NumberInput label={t('settings.blockAfter')} min={0} max={365} disabled={!form.values.blockCards} {...form.getInputProps('blockAfterDaysOverdue')} />
          </Group>
        </Fieldset>
        <Fieldset legend={t('settings.userTypes')}>
          <TagsInput label={t('settings.ownUserTypes')} description={t('settings.ownUserTypesHint')} {...form.getInputProps('userTypes')} />
          <Checkbox.Group
            mt="sm"
            label={t('settings.employerBilled')}
            description={t('settings.employerBilledHint')}
            {...form.getInputProps('employerBilledUserTypes')}
            data-testid="operator-employer-billed"
          >
            <Group mt={4}>
              {[...BUILT_IN, ...form.values.userTypes].map((u) => (
                <Checkbox key={u} value={u} label={te('userType', u)} />
              ))}
            </Group>
          </Checkbox.Group>
          {form.values.employerBilledUserTypes.length === 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('settings.employerBilledNone')}
            </Text>
          )}
        </Fieldset>
        <Fieldset legend={t('settings.chargers')}>
          <NumberInput label={t('settings.meterValueInterval')} description={t('settings.meterValueIntervalHint')} min={10} max={3600} {...form.getInputProps('meterValueSampleInterval')} data-testid="operator-meter-interval" />
          <Checkbox mt="sm" label={t('settings.localPreAuthorize')} description={t('settings.localPreAuthorizeHint')} {...form.getInputProps('localPreAuthorize', { type: 'checkbox' })} />
          <Checkbox mt="sm" label={t('settings.authorizeRemoteTx')} {...form.getInputProps('authorizeRemoteTxRequests', { type: 'checkbox' })} />
          <Checkbox mt="sm" label={t('settings.ocpp201Allowed')} description={t('settings.ocpp201AllowedHint')} {...form.getInputProps('ocpp201Allowed', { type: 'checkbox' })} data-testid="operator-ocpp201" />
        </Fieldset>
        <Checkbox label={t('settings.acceptUnknown')} description={t('settings.acceptUnknownHint')} {...form.getInputProps('acceptsUnknownChargers', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving} data-testid="save-operator">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
