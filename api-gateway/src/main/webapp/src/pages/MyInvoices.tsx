import { Stack } from '@mantine/core';
import { invoices } from '../api/endpoints';
import { usePaged } from '../components/hooks';
import { InvoicesTable } from '../components/InvoicesTable';
import { EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { useI18n } from '../i18n';

export default function MyInvoices() {
  const { t } = useI18n();
  const list = usePaged((p) => invoices.mine(p), []);
  return (
    <>
      <PageHeader title={t('my.invoicesTitle')} description={t('my.invoicesDescription')} />
      <Stack>
        <ProblemAlert error={list.error} />
        {list.loading && !list.items.length ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <EmptyState title={t('my.noInvoices')} hint={t('my.noInvoicesHint')} />
        ) : (
          <InvoicesTable items={list.items} />
        )}
        <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} count={list.items.length} />
      </Stack>
    </>
  );
}
