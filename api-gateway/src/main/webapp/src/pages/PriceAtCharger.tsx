import { Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { tariffs } from '../api/endpoints';
import type { ChargerTariff } from '../api/types';
import { usePortal } from '../auth/session';
import { QuotePreview } from '../components/QuotePreview';
import { PageHeader, ProblemAlert } from '../components/ui';
import { formatDateTime, formatUnitPrice } from '../format';
import { useI18n } from '../i18n';
import { CHARGE_POINT_ID } from '../validation';

/** The price at a charger before charging: its tariff in words, and what a planned session costs. */
export default function PriceAtCharger() {
  const { t, lang } = useI18n();
  const { zone } = usePortal();
  const [input, setInput] = useState('');
  const [tariff, setTariff] = useState<ChargerTariff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const invalid = input !== '' && !CHARGE_POINT_ID.test(input.trim());
  const look = async () => {
    if (!input.trim() || invalid) return;
    setBusy(true);
    setError(null);
    setTariff(null);
    try {
      setTariff(await tariffs.atCharger(input.trim()));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('price.title')} description={t('price.description')} />
      <Stack maw={960}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            look();
          }}
        >
          <Group align="flex-end">
            <TextInput label={t('quote.charger')} description={t('quote.chargerHint')} value={input} onChange={(e) => setInput(e.currentTarget.value)} error={invalid ? t('validation.chargePointId') : null} data-testid="price-charger" />
            <Button type="submit" loading={busy} data-testid="show-price">
              {t('price.show')}
            </Button>
          </Group>
        </form>
        <ProblemAlert error={error} />
        {tariff && (
          <>
            <Card withBorder data-testid="charger-tariff">
              <Title order={2} size="h4">
                {t('price.tariffAt', { name: tariff.tariffName, charger: tariff.chargePointId })}
              </Title>
              <Text size="sm" mb="xs">
                {t('price.since', { when: formatDateTime(tariff.effectiveFrom, lang, tariff.timeZone) })}
                {tariff.nextVersionFrom ? ` ${t('price.changesOn', { when: formatDateTime(tariff.nextVersionFrom, lang, tariff.timeZone) })}` : ''}
              </Text>
              <List>
                {tariff.components.map((c, i) => (
                  <List.Item key={i}>
                    {t('price.componentLine', { terms: c.terms, incl: formatUnitPrice(c.unitPriceInclVat, lang, tariff.currency), unit: c.unit })}
                  </List.Item>
                ))}
              </List>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('quote.title')}
              </Title>
              <QuotePreview chargePointId={tariff.chargePointId} zone={tariff.timeZone || zone} />
            </Card>
          </>
        )}
      </Stack>
    </>
  );
}
