import { Button, Modal, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { users } from '../api/endpoints';
import { usePortal } from '../auth/session';
import { usePaged } from '../components/hooks';
import { OperatorForm } from '../components/OperatorForm';
import { EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { useI18n } from '../i18n';

export default function Operators() {
  const { t, te } = useI18n();
  const { chooseOperator, operatorId } = usePortal();
  const navigate = useNavigate();
  const list = usePaged((p) => users.operators(p), []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('operators.title')}
        description={t('operators.description')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="create-operator">
            {t('operators.create')}
          </Button>
        }
      />
      <Stack>
        <ProblemAlert error={list.error} />
        {list.loading && !list.items.length ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <EmptyState title={t('operators.emptyTitle')} hint={t('operators.emptyHint')} />
        ) : (
          <Table data-testid="operators-table" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('settings.legalName')}</Table.Th>
                <Table.Th scope="col">{t('address.city')}</Table.Th>
                <Table.Th scope="col">{t('settings.interval')}</Table.Th>
                <Table.Th scope="col">{t('settings.timeZone')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((o) => (
                <Table.Tr key={o.id} data-testid={`row-${o.id}`}>
                  <Table.Td>{o.legalName}</Table.Td>
                  <Table.Td>{o.address.city}</Table.Td>
                  <Table.Td>{te('interval', o.billingInterval)}</Table.Td>
                  <Table.Td>{o.timeZone}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant={o.id === operatorId ? 'filled' : 'light'}
                      aria-label={t('operators.openOf', { name: o.legalName })}
                      data-testid={`open-operator-${o.id}`}
                      onClick={() => {
                        chooseOperator(o.id);
                        navigate('/');
                      }}
                    >
                      {o.id === operatorId ? t('operators.current') : t('operators.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} count={list.items.length} />
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('operators.create')} size="xl">
        <OperatorForm
          operator={null}
          submitLabel={t('operators.create')}
          onSubmit={async (body) => {
            await users.createOperator(body);
            setCreating(false);
            list.reload();
          }}
        />
      </Modal>
    </>
  );
}
