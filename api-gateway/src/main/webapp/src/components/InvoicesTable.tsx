import { Badge, Button, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { invoices } from '../api/endpoints';
import type { InvoiceSummary } from '../api/types';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';

const COLOR: Record<string, string> = { OPEN: 'gray', ISSUED: 'blue', PARTIALLY_PAID: 'yellow', PAID: 'teal', OVERDUE: 'red', CREDITED: 'grape', WRITTEN_OFF: 'dark', CLOSED: 'gray' };

export function InvoicesTable({ items, actions, driverName }: {
  items: InvoiceSummary[];
  actions?: (i: InvoiceSummary) => ReactNode;
  driverName?: (driverId: string) => string | undefined;
}) {
  const { t, te, lang } = useI18n();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="invoices-table" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('invoices.number')}</Table.Th>
            <Table.Th scope="col">{t('invoices.kind')}</Table.Th>
            {driverName && <Table.Th scope="col">{t('invoices.customer')}</Table.Th>}
            <Table.Th scope="col">{t('invoices.period')}</Table.Th>
            <Table.Th scope="col">{t('invoices.due')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('invoices.gross')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('invoices.outstanding')}</Table.Th>
            <Table.Th scope="col">{t('invoices.status')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid={`row-${i.id}`}>
              <Table.Td>{i.number ?? t('invoices.notIssued')}</Table.Td>
              <Table.Td>{te('documentKind', i.kind)}</Table.Td>
              {driverName && <Table.Td>{driverName(i.driverId) ?? '—'}</Table.Td>}
              <Table.Td>{t('invoices.periodRange', { from: formatDate(i.periodStart, lang), to: formatDate(i.periodEnd, lang) })}</Table.Td>
              <Table.Td>{formatDate(i.dueDate, lang)}</Table.Td>
              <Table.Td ta="right">{formatMoney(i.grossAmount, lang, i.currency)}</Table.Td>
              <Table.Td ta="right">{formatMoney(i.outstandingAmount, lang, i.currency)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={COLOR[i.status] ?? 'gray'} c="dark.8">
                  {te('invoiceStatus', i.status)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {i.status !== 'OPEN' && (
                    <Button component="a" size="xs" variant="default" href={invoices.pdfUrl(i.id)} download data-testid={`invoice-pdf-${i.id}`} aria-label={t('invoices.pdfOf', { number: i.number ?? '' })}>
                      PDF
                    </Button>
                  )}
                  {actions?.(i)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
