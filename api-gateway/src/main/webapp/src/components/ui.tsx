import { Alert, Anchor, Box, Button, Center, CopyButton, Group, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/en';

/** The page's one h1, with its primary actions beside it. */
export function PageHeader({ title, actions, description }: { title: string; actions?: ReactNode; description?: string }) {
  return (
    <Stack gap={4} mb="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2" data-testid="page-heading">
          {title}
        </Title>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {description && (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      )}
    </Stack>
  );
}

/** What went wrong, in words: the service's detail and each field's rule. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  let heading = title ?? t('error.title');
  let detail: string;
  let fields: [string, string][] = [];
  if (error instanceof ApiError) {
    const status = error.status;
    if (status === 0) detail = t('error.network');
    else if (status === 404) detail = error.problem.detail || t('error.notFound');
    else if (status >= 500) detail = t('error.server');
    else detail = error.problem.detail || error.problem.title || t('error.unknown');
    if (status === 403) heading = t('error.forbidden');
    fields = Object.entries(error.fieldErrors);
  } else {
    detail = error instanceof Error ? error.message : String(error);
  }
  return (
    <Alert color="red" title={heading} role="alert" mb="md" data-testid="problem">
      <Text size="sm">{detail}</Text>
      {fields.length > 1 && (
        <Box component="ul" m={0} mt={4} pl="md">
          {fields.map(([f, m]) => (
            <li key={f}>
              <Text size="sm">
                <code>{f}</code>: {m}
              </Text>
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Center py="lg" role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Stack align="center" gap={6} py="xl" data-testid="empty-state">
      <Text fw={600}>{title}</Text>
      {hint && (
        <Text size="sm" c="dimmed" ta="center" maw={520}>
          {hint}
        </Text>
      )}
      {action}
    </Stack>
  );
}

export function LoadMore({ next, loading, onMore, count }: { next: string | null; loading: boolean; onMore: () => void; count: number }) {
  const { t } = useI18n();
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.shown', { count })}
      </Text>
      {next && (
        <Button variant="light" onClick={onMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  );
}

/** A plain link the browser downloads (CSV, XLSX, PDF): the gateway streams it. */
/**
 * A link that downloads a file. ariaLabel names it for screen readers where the visible label is too short
 * (it must contain the visible text); hint says more, as a tooltip and the accessible description.
 */
export function DownloadButton({ href, label, testId, variant = 'default', size = 'sm', ariaLabel, hint }: {
  href: string; label: string; testId?: string; variant?: string; size?: string; ariaLabel?: string; hint?: string;
}) {
  return (
    <Button component="a" href={href} download variant={variant} size={size} data-testid={testId} aria-label={ariaLabel}
      title={hint}>
      {label}
    </Button>
  );
}

/** A secret shown this once (an OCPP password, an enrollment key), with a copy button. */
export function SecretOnceModal({ opened, onClose, title, secret, explanation }: {
  opened: boolean; onClose: () => void; title: string; secret: string | null; explanation: string;
}) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeOnClickOutside={false}>
      <Stack>
        <Alert color="yellow">{explanation}</Alert>
        <TextInput label={t('common.secret')} value={secret ?? ''} readOnly data-testid="secret-value" styles={{ input: { fontFamily: 'monospace' } }} />
        <Group justify="flex-end">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? 'teal' : 'blue'} data-testid="copy-secret">
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('common.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ExternalHint({ href, label }: { href: string; label: string }) {
  return <Anchor href={href}>{label}</Anchor>;
}

/** Field errors of an ApiError under a prefix, as a form's errors: {"billingAddress.city": "..."}. */
export function fieldErrorsOf(error: unknown, prefix = ''): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if (!prefix || field.startsWith(prefix)) out[field.substring(prefix.length)] = message;
  }
  return out;
}

export type { MessageKey };
