import { Alert, Badge, Button, Drawer, FileInput, Group, Modal, NativeSelect, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { users } from '../api/endpoints';
import type { Driver, ImportResult } from '../api/types';
import { usePortal, useOperatorId } from '../auth/session';
import { AddCardForm, CardsTable } from '../components/Cards';
import { DriverForm } from '../components/DriverForm';
import { usePaged } from '../components/hooks';
import { DownloadButton, EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { useI18n } from '../i18n';

function DriverCards({ driver, operatorId }: { driver: Driver; operatorId: string }) {
  const { t } = useI18n();
  const cards = usePaged((p) => users.cards(operatorId, { ...p, driverId: driver.id }), [driver.id]);
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('cards.title')}</Title>
        <Button onClick={() => setAdding(true)} data-testid="add-card">
          {t('cards.add')}
        </Button>
      </Group>
      {adding && (
        <AddCardForm
          operatorId={operatorId}
          driverId={driver.id}
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            cards.reload();
          }}
        />
      )}
      <ProblemAlert error={cards.error} />
      {cards.loading && !cards.items.length ? (
        <Loading />
      ) : cards.items.length === 0 ? (
        <EmptyState title={t('cards.emptyTitle')} hint={t('cards.emptyHint')} />
      ) : (
        <CardsTable cards={cards.items} onChanged={(c) => cards.replace((x) => x.id === c.id, c)} reportLost={(c, reason) => users.reportCardLost(c.id, reason)} />
      )}
      <LoadMore next={cards.next} loading={cards.loading} onMore={cards.loadMore} count={cards.items.length} />
    </Stack>
  );
}

/** How long the search waits after the last key before it asks user-service. */
const SEARCH_DELAY_MS = 300;

function DriversTab() {
  const { t, te } = useI18n();
  const operatorId = useOperatorId();
  const { operator } = usePortal();
  const [status, setStatus] = useState('');
  const [userType, setUserType] = useState('');
  const [search, setSearch] = useState('');
  // user-service searches from 2 characters on; a shorter text lists everyone, as no text does
  const [typed] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const q = typed.length >= 2 ? typed : '';
  const drivers = usePaged((p) => users.drivers(operatorId, { ...p, status, userType, q }), [operatorId, status, userType, q]);
  const [editing, setEditing] = useState<Driver | 'new' | null>(null);
  const [cardsOf, setCardsOf] = useState<Driver | null>(null);
  const userTypes = operator?.userTypes ?? ['RESIDENT', 'EMPLOYEE', 'GUEST'];
  // the business customers an employee may be billed to, asked for once the form opens
  const employers = usePaged((p) => users.drivers(operatorId, { ...p, limit: 500 }), [operatorId], editing !== null);

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput type="search" label={t('drivers.search')} description={t('drivers.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={100} data-testid="driver-search" />
        <NativeSelect
          label={t('drivers.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...['ACTIVE', 'INACTIVE'].map((s) => ({ value: s, label: te('driverStatus', s) }))]}
        />
        <NativeSelect
          label={t('drivers.userType')}
          value={userType}
          onChange={(e) => setUserType(e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...userTypes.map((u) => ({ value: u, label: te('userType', u) }))]}
        />
        <Button ml="auto" onClick={() => setEditing('new')} data-testid="create-driver">
          {t('drivers.create')}
        </Button>
      </Group>
      <ProblemAlert error={drivers.error} />
      {drivers.loading && !drivers.items.length ? (
        <Loading />
      ) : drivers.items.length === 0 ? (
        q ? (
          <EmptyState title={t('drivers.noMatch')} hint={t('drivers.noMatchHint')} />
        ) : (
          <EmptyState title={t('drivers.emptyTitle')} hint={t('drivers.emptyHint')} />
        )
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="drivers-table" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('drivers.name')}</Table.Th>
                <Table.Th scope="col">{t('drivers.email')}</Table.Th>
                <Table.Th scope="col">{t('drivers.userType')}</Table.Th>
                <Table.Th scope="col">{t('drivers.status')}</Table.Th>
                <Table.Th scope="col">{t('drivers.company')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drivers.items.map((d) => (
                <Table.Tr key={d.id} data-testid={`row-${d.id}`}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{d.email}</Table.Td>
                  <Table.Td>{te('userType', d.userType)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={d.status === 'ACTIVE' ? 'teal' : 'gray'} c="dark.8">
                      {te('driverStatus', d.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.companyName || '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(d)} aria-label={t('drivers.editOf', { name: d.name })} data-testid={`edit-driver-${d.id}`}>
                        {t('common.edit')}
                      </Button>
                      <Button size="xs" variant="light" onClick={() => setCardsOf(d)} aria-label={t('drivers.cardsOf', { name: d.name })} data-testid={`cards-of-${d.id}`}>
                        {t('cards.title')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore next={drivers.next} loading={drivers.loading} onMore={drivers.loadMore} count={drivers.items.length} />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('drivers.createTitle') : t('drivers.editTitle')} size="lg">
        {editing !== null && (
          <DriverForm
            driver={editing === 'new' ? null : editing}
            userTypes={userTypes}
            employers={employers.items.filter((d) => d.status === 'ACTIVE' && !!d.companyName)}
            employerBilledUserTypes={operator?.employerBilledUserTypes}
            onCancel={() => setEditing(null)}
            onSubmit={async (body) => {
              if (editing === 'new') {
                await users.createDriver(operatorId, body);
                drivers.reload();
              } else {
                const saved = await users.updateDriver(editing.id, body);
                drivers.replace((x) => x.id === saved.id, saved);
              }
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <Drawer opened={!!cardsOf} onClose={() => setCardsOf(null)} position="right" size="xl" title={cardsOf ? t('drivers.cardsOf', { name: cardsOf.name }) : ''}>
        {cardsOf && <DriverCards driver={cardsOf} operatorId={operatorId} />}
      </Drawer>
    </Stack>
  );
}

function CardsTab() {
  const { t, te } = useI18n();
  const operatorId = useOperatorId();
  const [status, setStatus] = useState('');
  const cards = usePaged((p) => users.cards(operatorId, { ...p, status }), [operatorId, status]);
  const drivers = usePaged((p) => users.drivers(operatorId, { ...p, limit: 500 }), [operatorId]);
  const byId = useMemo(() => new Map(drivers.items.map((d) => [d.id, d])), [drivers.items]);
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect
          label={t('cards.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...['ACTIVE', 'BLOCKED', 'LOST', 'EXPIRED'].map((s) => ({ value: s, label: te('cardStatus', s) }))]}
        />
        <Button ml="auto" onClick={() => setAdding(true)} disabled={!drivers.items.length} data-testid="add-card">
          {t('cards.add')}
        </Button>
      </Group>
      <ProblemAlert error={cards.error} />
      {cards.loading && !cards.items.length ? (
        <Loading />
      ) : cards.items.length === 0 ? (
        <EmptyState title={t('cards.emptyTitle')} hint={t('cards.emptyHintAll')} />
      ) : (
        <CardsTable cards={cards.items} drivers={byId} onChanged={(c) => cards.replace((x) => x.id === c.id, c)} reportLost={(c, reason) => users.reportCardLost(c.id, reason)} />
      )}
      <LoadMore next={cards.next} loading={cards.loading} onMore={cards.loadMore} count={cards.items.length} />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('cards.add')}>
        <AddCardForm
          operatorId={operatorId}
          drivers={drivers.items}
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            cards.reload();
          }}
        />
      </Modal>
    </Stack>
  );
}

function ImportTab() {
  const { t } = useI18n();
  const operatorId = useOperatorId();
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rejected = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  const run = async () => {
    if (!file) return;
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      setResult(await users.importDrivers(operatorId, await file.text()));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Stack maw={900}>
      <Text>{t('import.explain')}</Text>
      <Group>
        <DownloadButton href={users.importTemplateUrl(operatorId)} label={t('import.template')} testId="download-import-template" />
      </Group>
      <Group align="flex-end">
        <FileInput label={t('import.file')} accept=".csv,text/csv" value={file} onChange={setFile} clearable w={360} data-testid="import-file" />
        <Button onClick={run} disabled={!file} loading={running} data-testid="run-import">
          {t('import.run')}
        </Button>
      </Group>
      {running && <Text role="status">{t('import.running')}</Text>}
      {error !== null && rejected.length > 0 ? (
        <Alert color="red" title={t('import.rejectedTitle', { count: rejected.length })} role="alert">
          <Text size="sm" mb="xs">
            {t('import.rejectedHint')}
          </Text>
          <Table data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('import.where')}</Table.Th>
                <Table.Th scope="col">{t('import.rule')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rejected.map(([field, message]) => (
                <Table.Tr key={field}>
                  <Table.Td>{describeImportField(field, t)}</Table.Td>
                  <Table.Td>{message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      ) : (
        <ProblemAlert error={error} title={t('import.failed')} />
      )}
      {result && (
        <Alert color="teal" title={t('import.doneTitle')} data-testid="import-result">
          {t('import.done', { drivers: result.drivers, cards: result.cards })}
        </Alert>
      )}
    </Stack>
  );
}

function describeImportField(field: string, t: ReturnType<typeof useI18n>['t']): string {
  const m = /^line\[(\d+)]\.?(.*)$/.exec(field);
  return m ? t('import.lineColumn', { line: m[1], column: m[2] || '—' }) : field;
}

export default function Drivers() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('drivers.title')} description={t('drivers.description')} />
      <Tabs defaultValue="drivers" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="drivers">{t('drivers.tab')}</Tabs.Tab>
          <Tabs.Tab value="cards" data-testid="tab-cards">{t('cards.title')}</Tabs.Tab>
          <Tabs.Tab value="import" data-testid="tab-import">{t('import.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="drivers">
          <DriversTab />
        </Tabs.Panel>
        <Tabs.Panel value="cards">
          <CardsTab />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
