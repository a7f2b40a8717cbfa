import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { DOCUMENT_LANGUAGES, type Driver, type DocumentLanguage, type DriverForm as DriverBody } from '../api/types';
import { useI18n } from '../i18n';
import { BIC, COUNTRY, EMAIL, SEPA_TEXT, VAT_NUMBER, isIban } from '../validation';
import { ProblemAlert, fieldErrorsOf } from './ui';

interface Values {
  name: string;
  email: string;
  billingAddress: { street: string; postalCode: string; city: string; countryCode: string };
  userType: string;
  companyName: string;
  companyVatNumber: string;
  companyRegistrationNumber: string;
  /** '' for the operator's. */
  language: DocumentLanguage | '';
  status: 'ACTIVE' | 'INACTIVE';
  /** '' for none: the driver is invoiced in person. */
  employerId: string;
  payoutIban: string;
  hasMandate: boolean;
  sepaMandate: { mandateId: string; signedOn: string; iban: string; bic: string };
}

function valuesOf(d: Driver | null): Values {
  return {
    name: d?.name ?? '',
    email: d?.email ?? '',
    billingAddress: {
      street: d?.billingAddress?.street ?? '',
      postalCode: d?.billingAddress?.postalCode ?? '',
      city: d?.billingAddress?.city ?? '',
      countryCode: d?.billingAddress?.countryCode ?? 'NL',
    },
    userType: d?.userType ?? 'RESIDENT',
    companyName: d?.companyName ?? '',
    companyVatNumber: d?.companyVatNumber ?? '',
    companyRegistrationNumber: d?.companyRegistrationNumber ?? '',
    language: d?.language ?? '',
    status: d?.status ?? 'ACTIVE',
    employerId: d?.employerId ?? '',
    payoutIban: d?.payoutIban ?? '',
    hasMandate: !!d?.sepaMandate,
    sepaMandate: {
      mandateId: d?.sepaMandate?.mandateId ?? '',
      signedOn: d?.sepaMandate?.signedOn ?? '',
      iban: d?.sepaMandate?.iban ?? '',
      bic: d?.sepaMandate?.bic ?? '',
    },
  };
}

export function bodyOf(v: Values): DriverBody {
  const blank = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    name: v.name.trim(),
    email: v.email.trim(),
    billingAddress: {
      street: v.billingAddress.street.trim(),
      postalCode: v.billingAddress.postalCode.trim(),
      city: v.billingAddress.city.trim(),
      countryCode: v.billingAddress.countryCode.trim().toUpperCase(),
    },
    userType: v.userType,
    companyName: blank(v.companyName),
    companyVatNumber: blank(v.companyVatNumber.toUpperCase()),
    status: v.status,
    language: v.language === '' ? null : v.language,
    companyRegistrationNumber: blank(v.companyRegistrationNumber),
    employerId: v.employerId === '' ? null : v.employerId,
    payoutIban: blank(v.payoutIban.replace(/\s+/g, '').toUpperCase()),
    sepaMandate: v.hasMandate
      ? {
          mandateId: v.sepaMandate.mandateId.trim(),
          signedOn: v.sepaMandate.signedOn,
          iban: v.sepaMandate.iban.replace(/\s+/g, '').toUpperCase(),
          bic: blank(v.sepaMandate.bic.toUpperCase()),
        }
      : null,
  };
}

/**
 * What is wrong with a company registration number for a customer in that country, as user-service checks it:
 * a KvK number of 8 digits in NL, an enterprise number of 10 digits with its mod-97 check in BE (dots, spaces
 * and dashes ignored), at most 35 characters elsewhere; null when nothing is.
 */
export function registrationNumberProblem(number: string, countryCode: string): 'kvk' | 'enterpriseNumber' | 'tooLong' | null {
  const country = countryCode.trim().toUpperCase();
  const digits = number.trim().replace(/[\s.-]/g, '');
  if (country === 'NL') return /^\d{8}$/.test(digits) ? null : 'kvk';
  if (country === 'BE') {
    if (!/^[01]\d{9}$/.test(digits)) return 'enterpriseNumber';
    return 97 - (Number(digits.substring(0, 8)) % 97) === Number(digits.substring(8)) ? null : 'enterpriseNumber';
  }
  return number.trim().length > 35 ? 'tooLong' : null;
}

/** Create or edit a driver: every field checked as it is typed, the service's answer shown in words. */
export function DriverForm({ driver, userTypes, employers = [], employerBilledUserTypes, onSubmit, onCancel }: {
  driver: Driver | null;
  userTypes: string[];
  /** The operator's business customers (drivers with a company name) an employee's sessions may be invoiced to. */
  employers?: Driver[];
  /** The user types that may be billed to an employer (null: EMPLOYEE), as the operator's settings say. */
  employerBilledUserTypes?: string[] | null;
  onSubmit: (body: DriverBody) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t, te } = useI18n();
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const today = new Date().toISOString().substring(0, 10);
  const required = (v: string) => (v.trim() === '' ? t('validation.required') : null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(driver),
    validateInputOnChange: true,
    // whether an employer may be chosen depends on the user type
    onValuesChange: (values, previous) => {
      if (values.userType !== previous.userType && values.employerId !== '') form.validateField('employerId');
    },
    validate: {
      name: (v) => required(v) ?? (v.length > 200 ? t('validation.maxLength', { max: 200 }) : null),
      email: (v) => required(v) ?? (!EMAIL.test(v.trim()) ? t('validation.email') : null),
      billingAddress: {
        street: required,
        postalCode: required,
        city: required,
        countryCode: (v) => (!COUNTRY.test(v.trim().toUpperCase()) ? t('validation.country') : null),
      },
      userType: (v) => (userTypes.length && !userTypes.includes(v) ? t('validation.userType') : null),
      companyVatNumber: (v, all) => {
        if (v.trim() === '') return null;
        if (!VAT_NUMBER.test(v.trim().toUpperCase())) return t('validation.vatNumber');
        return all.companyName.trim() === '' ? t('validation.vatNeedsCompany') : null;
      },
      companyRegistrationNumber: (v, all) => {
        if (v.trim() === '') return null;
        const broken = registrationNumberProblem(v, all.billingAddress.countryCode);
        if (broken === 'kvk') return t('validation.kvkNumber');
        if (broken === 'enterpriseNumber') return t('validation.enterpriseNumber');
        if (broken === 'tooLong') return t('validation.maxLength', { max: 35 });
        return all.companyName.trim() === '' ? t('validation.registrationNeedsCompany') : null;
      },
      employerId: (v, all) => {
        if (v === '') return null;
        if (driver && v === driver.id) return t('validation.employerSelf');
        const billable = employerBilledUserTypes ?? ['EMPLOYEE'];
        return billable.includes(all.userType) ? null : t('validation.employerUserType', { types: billable.map((u) => te('userType', u)).join(', ') });
      },
      payoutIban: (v) => (v.trim() === '' || isIban(v) ? null : t('validation.iban')),
      sepaMandate: {
        mandateId: (v, all) => (!all.hasMandate ? null : required(v) ?? (v.length > 35 || !SEPA_TEXT.test(v) ? t('validation.mandateId') : null)),
        signedOn: (v, all) => (!all.hasMandate ? null : required(v) ?? (v > today ? t('validation.notFuture') : null)),
        iban: (v, all) => (!all.hasMandate ? null : required(v) ?? (!isIban(v) ? t('validation.iban') : null)),
        bic: (v, all) => (!all.hasMandate || v.trim() === '' ? null : !BIC.test(v.trim().toUpperCase()) ? t('validation.bic') : null),
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    setProblem(null);
    try {
      await onSubmit(bodyOf(values));
    } catch (e) {
      setProblem(e);
      form.setErrors(fieldErrorsOf(e));
    } finally {
      setSaving(false);
    }
  });

  const types = userTypes.length ? userTypes : ['RESIDENT', 'EMPLOYEE', 'GUEST'];
  return (
    <form onSubmit={submit} noValidate aria-label={driver ? t('drivers.editTitle') : t('drivers.createTitle')}>
      <Stack>
        <ProblemAlert error={problem} title={t('drivers.saveFailed')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('drivers.name')} required {...form.getInputProps('name')} data-testid="driver-name" />
          <TextInput label={t('drivers.email')} required type="email" {...form.getInputProps('email')} data-testid="driver-email" />
        </SimpleGrid>
        <Fieldset legend={t('drivers.billingAddress')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('address.street')} required {...form.getInputProps('billingAddress.street')} data-testid="driver-street" />
            <TextInput label={t('address.postalCode')} required {...form.getInputProps('billingAddress.postalCode')} data-testid="driver-postal-code" />
            <TextInput label={t('address.city')} required {...form.getInputProps('billingAddress.city')} data-testid="driver-city" />
            <TextInput label={t('address.countryCode')} required maxLength={2} {...form.getInputProps('billingAddress.countryCode')} data-testid="driver-country" />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('drivers.userType')} data={types.map((u) => ({ value: u, label: te('userType', u) }))} {...form.getInputProps('userType')} data-testid="driver-user-type" />
          <NativeSelect
            label={t('drivers.status')}
            data={[
              { value: 'ACTIVE', label: te('driverStatus', 'ACTIVE') },
              { value: 'INACTIVE', label: te('driverStatus', 'INACTIVE') },
            ]}
            {...form.getInputProps('status')}
          />
          <TextInput label={t('drivers.companyName')} description={t('drivers.companyHint')} {...form.getInputProps('companyName')} />
          <TextInput label={t('drivers.companyVatNumber')} {...form.getInputProps('companyVatNumber')} data-testid="driver-vat" />
          <TextInput
            label={t('drivers.companyRegistrationNumber')}
            description={t('drivers.companyRegistrationHint')}
            {...form.getInputProps('companyRegistrationNumber')}
            data-testid="driver-registration-number"
          />
          <NativeSelect
            label={t('drivers.language')}
            data={[
              { value: '', label: t('drivers.languageOfOperator') },
              ...DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: te('documentLanguage', l) })),
            ]}
            {...form.getInputProps('language')}
            data-testid="driver-language"
          />
          <NativeSelect
            label={t('drivers.employer')}
            description={t('drivers.employerHint')}
            data={[
              { value: '', label: t('drivers.noEmployer') },
              ...employers.filter((e) => e.id !== driver?.id).map((e) => ({ value: e.id, label: e.companyName ? `${e.companyName} (${e.name})` : e.name })),
            ]}
            {...form.getInputProps('employerId')}
            data-testid="driver-employer"
          />
          <TextInput label={t('drivers.payoutIban')} description={t('drivers.payoutIbanHint')} {...form.getInputProps('payoutIban')} data-testid="driver-payout-iban" />
        </SimpleGrid>
        <Checkbox label={t('drivers.hasMandate')} {...form.getInputProps('hasMandate', { type: 'checkbox' })} />
        {form.values.hasMandate && (
          <Fieldset legend={t('drivers.mandate')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('drivers.mandateId')} required {...form.getInputProps('sepaMandate.mandateId')} />
              <TextInput label={t('drivers.signedOn')} required type="date" max={today} {...form.getInputProps('sepaMandate.signedOn')} />
              <TextInput label={t('drivers.iban')} required {...form.getInputProps('sepaMandate.iban')} />
              <TextInput label={t('drivers.bic')} {...form.getInputProps('sepaMandate.bic')} />
            </SimpleGrid>
          </Fieldset>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving} data-testid="save-driver">
            {driver ? t('common.save') : t('drivers.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
