import { AppShell, Burger, Button, Group, NativeSelect, NavLink, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, type ReactNode } from 'react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { auth } from '../api/endpoints';
import { usePortal } from '../auth/session';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Lang } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { Loading } from './ui';

interface Item {
  to: string;
  label: MessageKey;
  testId: string;
}

const OPERATOR_ITEMS: Item[] = [
  { to: '/', label: 'nav.dashboard', testId: 'nav-dashboard' },
  { to: '/chargers', label: 'nav.chargers', testId: 'nav-chargers' },
  { to: '/drivers', label: 'nav.drivers', testId: 'nav-drivers' },
  { to: '/tariffs', label: 'nav.tariffs', testId: 'nav-tariffs' },
  { to: '/sessions', label: 'nav.sessions', testId: 'nav-sessions' },
  { to: '/report', label: 'nav.report', testId: 'nav-report' },
  { to: '/billing', label: 'nav.billing', testId: 'nav-billing' },
  { to: '/reimbursements', label: 'nav.reimbursements', testId: 'nav-reimbursements' },
  { to: '/settings', label: 'nav.settings', testId: 'nav-settings' },
];

const DRIVER_ITEMS: Item[] = [
  { to: '/my/sessions', label: 'nav.mySessions', testId: 'nav-my-sessions' },
  { to: '/my/invoices', label: 'nav.myInvoices', testId: 'nav-my-invoices' },
  { to: '/my/cards', label: 'nav.myCards', testId: 'nav-my-cards' },
  { to: '/my/price', label: 'nav.priceAtCharger', testId: 'nav-price' },
];

/** Shown to a driver who is reimbursed for charging at home (the portal's session says so). */
const HOME_ITEM: Item = { to: '/my/home', label: 'nav.myHome', testId: 'nav-my-home' };

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const portal = usePortal();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const items: Item[] = [];
  if (portal.isPlatformAdmin) items.push({ to: '/operators', label: 'nav.operators', testId: 'nav-operators' });
  if (portal.operatorId) items.push(...OPERATOR_ITEMS);
  if (portal.isDriver) items.push(...DRIVER_ITEMS);
  if (portal.isDriver && portal.chargesAtHome) items.push(HOME_ITEM);

  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header component="header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Text fw={700} size="lg" c="teal.9">
              EV Settle
            </Text>
            {portal.operator && (
              <Text size="sm" c="dark.6" visibleFrom="md" data-testid="current-operator">
                {portal.operator.legalName}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NativeSelect
              aria-label={t('header.language')}
              data-testid="language"
              size="xs"
              value={lang}
              onChange={(e) => setLang(e.currentTarget.value as Lang)}
              data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            />
            <Text size="sm" visibleFrom="sm" data-testid="user-name">
              {portal.me.name || portal.me.username}
            </Text>
            <Button
              size="xs"
              variant="default"
              data-testid="logout"
              onClick={() => {
                window.location.assign(auth.logoutUrl);
              }}
            >
              {t('header.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar component="nav" aria-label={t('nav.label')} p="xs">
        <VisuallyHidden>
          <Title order={2}>{t('nav.label')}</Title>
        </VisuallyHidden>
        <Stack gap={2}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              end={item.to === '/'}
              label={t(item.label)}
              active={isActive(item.to)}
              data-testid={item.testId}
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main component="main" id="main">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
