import { Stack } from '@mantine/core';
import { users } from '../api/endpoints';
import { CardsTable } from '../components/Cards';
import { usePaged } from '../components/hooks';
import { EmptyState, LoadMore, Loading, PageHeader, ProblemAlert } from '../components/ui';
import { useI18n } from '../i18n';

export default function MyCards() {
  const { t } = useI18n();
  const list = usePaged((p) => users.myCards(p), []);
  return (
    <>
      <PageHeader title={t('my.cardsTitle')} description={t('my.cardsDescription')} />
      <Stack>
        <ProblemAlert error={list.error} />
        {list.loading && !list.items.length ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <EmptyState title={t('my.noCards')} hint={t('my.noCardsHint')} />
        ) : (
          <CardsTable driverView cards={list.items} onChanged={(c) => list.replace((x) => x.id === c.id, c)} reportLost={(c) => users.reportMyCardLost(c.id)} />
        )}
        <LoadMore next={list.next} loading={list.loading} onMore={list.loadMore} count={list.items.length} />
      </Stack>
    </>
  );
}
