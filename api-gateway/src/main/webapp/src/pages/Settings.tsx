import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { invoices, users } from '../api/endpoints';
import { usePortal, useOperatorId } from '../auth/session';
import { OperatorForm } from '../components/OperatorForm';
import { Loading, PageHeader, ProblemAlert, SecretOnceModal } from '../components/ui';
import { useI18n } from '../i18n';

export default function Settings() {
  const { t } = useI18n();
  const operatorId = useOperatorId();
  const { operator, setOperator } = usePortal();
  const [saved, setSaved] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [creditorId, setCreditorId] = useState('');
  const [creditorError, setCreditorError] = useState<unknown>(null);
  const [keyError, setKeyError] = useState<unknown>(null);
  const [creditorSaved, setCreditorSaved] = useState(false);
  useEffect(() => {
    invoices.collectionSettings(operatorId).then(
      (s) => setCreditorId(s.creditorId),
      (e) => !(e instanceof ApiError && e.status === 404) && setCreditorError(e),
    );
  }, [operatorId]);
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Stack maw={960}>
        {saved && <Alert color="teal" role="status">{t('settings.saved')}</Alert>}
        {!operator ? (
          <Loading />
        ) : (
          <OperatorForm
            key={operator.revision}
            operator={operator}
            submitLabel={t('common.save')}
            onSubmit={async (body) => {
              setSaved(false);
              const next = await users.updateOperator(operatorId, body);
              setOperator(next);
              setSaved(true);
              if (next.chargerEnrollmentKey) setKey(next.chargerEnrollmentKey);
            }}
          />
        )}
        {operator?.acceptsUnknownChargers && (
          <Card withBorder>
            <ProblemAlert error={keyError} />
            <Group justify="space-between">
              <Text size="sm">{t('settings.enrollmentKeyHint')}</Text>
              <Button variant="default" onClick={async () => {
                setKeyError(null);
                try {
                  setKey((await users.rotateEnrollmentKey(operatorId)).chargerEnrollmentKey);
                } catch (e) {
                  setKeyError(e);
                }
              }}>
                {t('settings.rotateKey')}
              </Button>
            </Group>
          </Card>
        )}
        <Card withBorder component="section" aria-labelledby="sepa-title">
          <Title order={2} size="h4" id="sepa-title" mb="xs">
            {t('settings.sepa')}
          </Title>
          <ProblemAlert error={creditorError} />
          {creditorSaved && <Text size="sm" role="status">{t('settings.saved')}</Text>}
          <Group align="flex-end">
            <TextInput label={t('settings.creditorId')} value={creditorId} onChange={(e) => setCreditorId(e.currentTarget.value)} w={320} />
            <Button
              variant="light"
              disabled={!creditorId.trim()}
              onClick={async () => {
                setCreditorError(null);
                setCreditorSaved(false);
                try {
                  setCreditorId((await invoices.saveCollectionSettings(operatorId, creditorId)).creditorId);
                  setCreditorSaved(true);
                } catch (e) {
                  setCreditorError(e);
                }
              }}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Card>
      </Stack>
      <SecretOnceModal opened={!!key} onClose={() => setKey(null)} title={t('settings.enrollmentKey')} secret={key} explanation={t('settings.enrollmentKeyOnce')} />
    </>
  );
}
