import { MantineProvider } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useI18n } from './i18n';
import { cssVariablesResolver, themeIn } from './theme';

/** Mantine with the portal theme, its own control labels in the portal language. */
export function Themed({ children, env }: { children: ReactNode; env?: 'test' | 'default' }) {
  const { t } = useI18n();
  const close = t('common.close');
  const theme = useMemo(() => themeIn(close), [close]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env={env}>
      {children}
    </MantineProvider>
  );
}
