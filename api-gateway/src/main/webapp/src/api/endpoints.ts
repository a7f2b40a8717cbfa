/** Every service call the portal makes, by service: /api/<service>/<rest> is the service's /api/<rest>. */
import { api, withQuery, type Page, type Query } from './client';
import type {
  BillingRun, Card, Charger, ChargerTariff, ChargingSession, CommandResult, Connection, Correction,
  DirectDebitBatch, Driver, DriverForm, EnergyContract, EnergyContractForm, ImportResult, InvoiceDetail, InvoiceSummary, Me,
  MeterValues, MyReimbursementRate, Operator, OperatorForm, Payment, PayoutBatch, Quote, QuoteForm, Receivables,
  ReimbursementRate, ReimbursementRateForm, ReimbursementRateVersionForm, ReimbursementTotal, Report, SessionPrice, Site,
  SiteForm, SiteKind, SiteLoad, StatementImport, Tariff, TariffForm,
} from './types';

const U = '/api/users';
const S = '/api/sessions';
const T = '/api/tariffs';
const I = '/api/invoices';
const O = '/api/ocpp';
const e = encodeURIComponent;

export type Paging = {
  limit?: number;
  cursor?: string | null;
};

type Filters = Query & Paging;

/** What session lists filter on, in session-service (siteId, cardId and userType as the session's snapshot has them). */
export type SessionFilters = Filters & {
  from?: string;
  to?: string;
  status?: string;
  chargePointId?: string;
  siteId?: string;
  cardId?: string;
  userType?: string;
  siteKind?: SiteKind | '';
};

export const auth = {
  me: () => api.get<Me>('/auth/me'),
  logoutUrl: '/auth/logout',
};

export const users = {
  operators: (q: Filters) => api.get<Page<Operator>>(`${U}/operators`, q as Query),
  operator: (id: string) => api.get<Operator>(`${U}/operators/${id}`),
  createOperator: (form: OperatorForm) => api.post<Operator>(`${U}/operators`, form),
  updateOperator: (id: string, form: OperatorForm) => api.put<Operator>(`${U}/operators/${id}`, form),
  rotateEnrollmentKey: (id: string) =>
    api.post<{ operatorId: string; chargerEnrollmentKey: string; createdAt: string }>(`${U}/operators/${id}/charger-enrollment-key`),

  sites: (op: string, q: Filters) => api.get<Page<Site>>(`${U}/operators/${op}/sites`, q as Query),
  createSite: (op: string, form: SiteForm) => api.post<Site>(`${U}/operators/${op}/sites`, form),
  updateSite: (id: string, form: SiteForm) => api.put<Site>(`${U}/sites/${id}`, form),

  chargers: (op: string, q: Filters) => api.get<Page<Charger>>(`${U}/operators/${op}/chargers`, q as Query),
  registerCharger: (op: string, form: { siteId: string; chargePointId: string; connectorCount?: number; ocppPassword?: string }) =>
    api.post<Charger>(`${U}/operators/${op}/chargers`, form),
  approveCharger: (id: string, placement: { siteId: string; connectorCount?: number }) =>
    api.post<Charger>(`${U}/chargers/${id}/approve`, placement),
  placeCharger: (id: string, placement: { siteId: string; connectorCount?: number }) => api.put<Charger>(`${U}/chargers/${id}`, placement),
  decommissionCharger: (id: string) => api.post<Charger>(`${U}/chargers/${id}/decommission`),
  newOcppPassword: (id: string, ocppPassword?: string) =>
    api.post<Charger>(`${U}/chargers/${id}/ocpp-password`, ocppPassword ? { ocppPassword } : {}),

  /** q: drivers whose name or e-mail contains the text (2 to 100 characters), searched by user-service. */
  drivers: (op: string, q: Filters & { q?: string; status?: string; userType?: string }) =>
    api.get<Page<Driver>>(`${U}/operators/${op}/drivers`, q as Query),
  driver: (id: string) => api.get<Driver>(`${U}/drivers/${id}`),
  createDriver: (op: string, form: DriverForm) => api.post<Driver>(`${U}/operators/${op}/drivers`, form),
  updateDriver: (id: string, form: DriverForm) => api.put<Driver>(`${U}/drivers/${id}`, form),
  importDrivers: (op: string, csv: string) => api.postText<ImportResult>(`${U}/operators/${op}/imports/drivers`, csv),
  importTemplateUrl: (op: string) => `${U}/operators/${op}/imports/drivers/template`,

  cards: (op: string, q: Filters) => api.get<Page<Card>>(`${U}/operators/${op}/cards`, q as Query),
  issueCard: (op: string, form: { driverId: string; idTag: string; label?: string | null; validUntil?: string | null }) =>
    api.post<Card>(`${U}/operators/${op}/cards`, form),
  blockCard: (id: string, reason?: string) => api.post<Card>(`${U}/cards/${id}/block`, { reason: reason || null }),
  unblockCard: (id: string) => api.post<Card>(`${U}/cards/${id}/unblock`),
  reportCardLost: (id: string, reason?: string) => api.post<Card>(`${U}/cards/${id}/lost`, { reason: reason || null }),
  myCards: (q: Filters) => api.get<Page<Card>>(`${U}/me/cards`, q as Query),
  reportMyCardLost: (id: string) => api.post<Card>(`${U}/me/cards/${id}/lost`),
  meDriver: () => api.get<Driver>(`${U}/me`),
};

export const sessions = {
  list: (q: SessionFilters & { operatorId?: string; driverId?: string }) =>
    api.get<Page<ChargingSession>>(`${S}/sessions`, q as Query),
  mine: (q: SessionFilters) => api.get<Page<ChargingSession>>(`${S}/me/sessions`, q as Query),
  get: (id: string) => api.get<ChargingSession>(`${S}/sessions/${id}`),
  meterValues: (id: string) => api.get<MeterValues>(`${S}/sessions/${id}/meter-values`),
  trail: (id: string) => api.get<Correction[]>(`${S}/sessions/${id}/corrections`),
  correct: (id: string, form: { stoppedAt?: string; meterStartWh?: number; meterStopWh?: number; reason: string }) =>
    api.post<ChargingSession>(`${S}/sessions/${id}/corrections`, form),
  release: (id: string, reason: string) => api.post<ChargingSession>(`${S}/sessions/${id}/release`, { reason }),
  report: (q: Query) => api.get<Report>(`${S}/reports/sessions`, { ...q, format: 'json' }),
  myReport: (q: Query) => api.get<Report>(`${S}/me/reports/sessions`, { ...q, format: 'json' }),
  reportUrl: (q: Query, format: 'csv' | 'xlsx') => withQuery(`${S}/reports/sessions`, { ...q, format }),
};

export const tariffs = {
  list: (op: string, q: Filters) => api.get<Page<Tariff>>(`${T}/operators/${op}/tariffs`, q as Query),
  get: (id: string) => api.get<Tariff>(`${T}/tariffs/${id}`),
  create: (op: string, form: TariffForm) => api.post<Tariff>(`${T}/operators/${op}/tariffs`, form),
  revise: (id: string, form: TariffForm) => api.put<Tariff>(`${T}/tariffs/${id}`, form),
  price: (sessionId: string) => api.get<SessionPrice>(`${T}/sessions/${sessionId}/price`),
  atCharger: (chargePointId: string, userType?: string) =>
    api.get<ChargerTariff>(`${T}/chargers/${e(chargePointId)}/tariff`, { userType }),
  quote: (chargePointId: string, form: QuoteForm) => api.post<Quote>(`${T}/chargers/${e(chargePointId)}/quote`, form),

  rates: (op: string, q: Filters) => api.get<Page<ReimbursementRate>>(`${T}/operators/${op}/reimbursement-rates`, q as Query),
  rate: (id: string) => api.get<ReimbursementRate>(`${T}/reimbursement-rates/${id}`),
  createRate: (op: string, form: ReimbursementRateForm) => api.post<ReimbursementRate>(`${T}/operators/${op}/reimbursement-rates`, form),
  addRateVersion: (id: string, form: ReimbursementRateVersionForm) => api.post<ReimbursementRate>(`${T}/reimbursement-rates/${id}/versions`, form),
  myRate: () => api.get<MyReimbursementRate>(`${T}/me/reimbursement-rate`),
  contractsOf: (op: string, driverId: string, q: Filters) =>
    api.get<Page<EnergyContract>>(`${T}/operators/${op}/drivers/${driverId}/energy-contracts`, q as Query),
  addContractOf: (op: string, driverId: string, form: EnergyContractForm) =>
    api.post<EnergyContract>(`${T}/operators/${op}/drivers/${driverId}/energy-contracts`, form),
  myContracts: (q: Filters) => api.get<Page<EnergyContract>>(`${T}/me/energy-contracts`, q as Query),
  addMyContract: (form: EnergyContractForm) => api.post<EnergyContract>(`${T}/me/energy-contracts`, form),
  endContract: (id: string, validTo: string) => api.put<EnergyContract>(`${T}/energy-contracts/${id}`, { validTo }),
};

export const invoices = {
  list: (q: Filters) => api.get<Page<InvoiceSummary>>(`${I}/invoices`, q as Query),
  mine: (q: Filters) => api.get<Page<InvoiceSummary>>(`${I}/me/invoices`, q as Query),
  get: (id: string) => api.get<InvoiceDetail>(`${I}/invoices/${id}`),
  pdfUrl: (id: string) => `${I}/invoices/${id}/pdf`,
  ublUrl: (id: string) => `${I}/invoices/${id}/ubl`,
  csvUrl: (id: string) => `${I}/invoices/${id}/csv`,
  pay: (id: string, form: { amount: number; paidOn: string; reference?: string }) => api.post<Payment>(`${I}/invoices/${id}/payments`, form),
  credit: (id: string, form: { reason: string; sessionIds?: string[] }) => api.post<InvoiceDetail>(`${I}/invoices/${id}/credit-notes`, form),
  writeOff: (id: string, reason: string) => api.post<InvoiceDetail>(`${I}/invoices/${id}/write-off`, { reason }),
  runs: (op: string, q: Filters) => api.get<Page<BillingRun>>(`${I}/operators/${op}/billing-runs`, q as Query),
  startRun: (op: string, periodStart: string) => api.post<BillingRun>(`${I}/operators/${op}/billing-runs`, { periodStart }),
  receivables: (op: string) => api.get<Receivables>(`${I}/operators/${op}/receivables`),
  journalUrl: (op: string, from?: string, to?: string) => withQuery(`${I}/operators/${op}/journal.csv`, { from, to }),
  importStatement: (op: string, csv: string) => api.postText<StatementImport>(`${I}/operators/${op}/bank-statements`, csv),
  collectionSettings: (op: string) => api.get<{ operatorId: string; creditorId: string; updatedAt: string }>(`${I}/operators/${op}/collection-settings`),
  saveCollectionSettings: (op: string, creditorId: string) =>
    api.put<{ operatorId: string; creditorId: string; updatedAt: string }>(`${I}/operators/${op}/collection-settings`, { creditorId }),
  batches: (op: string, q: Filters) => api.get<Page<DirectDebitBatch>>(`${I}/operators/${op}/direct-debits`, q as Query),
  createBatch: (op: string, collectionDate: string) => api.post<DirectDebitBatch>(`${I}/operators/${op}/direct-debits`, { collectionDate }),
  painUrl: (op: string, batchId: string) => `${I}/operators/${op}/direct-debits/${batchId}/pain.008`,
  settleBatch: (op: string, batchId: string, returned: string[]) =>
    api.post<DirectDebitBatch>(`${I}/operators/${op}/direct-debits/${batchId}/settlement`, { returned }),

  payouts: (op: string, q: Filters) => api.get<Page<PayoutBatch>>(`${I}/operators/${op}/payouts`, q as Query),
  createPayout: (op: string) => api.post<PayoutBatch>(`${I}/operators/${op}/payouts`, {}),
  payout: (op: string, id: string) => api.get<PayoutBatch>(`${I}/operators/${op}/payouts/${id}`),
  pain001Url: (op: string, id: string) => `${I}/operators/${op}/payouts/${id}/pain.001`,
  executePayout: (op: string, id: string, executedOn: string) =>
    api.post<PayoutBatch>(`${I}/operators/${op}/payouts/${id}/execution`, { executedOn }),
  /** Months as 2026-03; the totals per employee per month of reimbursed home charging. */
  reimbursements: async (op: string, from: string, to: string): Promise<ReimbursementTotal[]> => {
    const answer = await api.get<Page<ReimbursementTotal> | ReimbursementTotal[]>(`${I}/operators/${op}/reimbursements`, { from, to });
    return Array.isArray(answer) ? answer : answer?.items ?? [];
  },
  reimbursementsCsvUrl: (op: string, from: string, to: string) => withQuery(`${I}/operators/${op}/reimbursements.csv`, { from, to }),
};

/** The most chargers one request for connections may name (ocpp-gateway's ConnectionsResource). */
const CONNECTIONS_PER_REQUEST = 50;

export const ocpp = {
  connection: (chargePointId: string, signal?: AbortSignal) =>
    api.get<Connection>(`${O}/chargers/${e(chargePointId)}/connection`, undefined, signal),
  /** The connections of these chargers, a request per 50; chargers the caller does not administer are left out. */
  connections: async (chargePointIds: string[]): Promise<Connection[]> => {
    const requests: Promise<Connection[]>[] = [];
    for (let i = 0; i < chargePointIds.length; i += CONNECTIONS_PER_REQUEST) {
      const ids = chargePointIds.slice(i, i + CONNECTIONS_PER_REQUEST);
      requests.push(api.get<Connection[]>(`${O}/chargers/connections?${ids.map((id) => `chargePointId=${e(id)}`).join('&')}`));
    }
    return (await Promise.all(requests)).flat();
  },
  command: (chargePointId: string, action: string, payload: Record<string, unknown>) =>
    api.post<CommandResult>(`${O}/chargers/${e(chargePointId)}/commands/${action}`, payload),
  siteLoad: (siteId: string) => api.get<SiteLoad>(`${O}/sites/${siteId}/load`),
};
