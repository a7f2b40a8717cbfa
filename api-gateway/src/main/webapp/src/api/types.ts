/** The JSON the services answer with, as their API records define it. */

export type Money = number | string;
export type Role = 'platform-admin' | 'operator-admin' | 'driver';

export interface Me {
  username: string;
  name?: string | null;
  email?: string | null;
  roles: Role[];
  operatorId: string | null;
  driverId: string | null;
  locale?: string | null;
}

export interface Address {
  street: string;
  postalCode: string;
  city: string;
  countryCode: string;
}

export interface DunningPolicy {
  blockCards: boolean;
  blockAfterDaysOverdue: number;
}

export type BillingInterval = 'WEEKLY' | 'MONTHLY' | 'QUARTERLY';

export interface Operator {
  id: string;
  revision: number;
  legalName: string;
  address: Address;
  vatNumber: string;
  chamberOfCommerceNumber: string;
  iban: string;
  bic?: string | null;
  contactEmail: string;
  timeZone: string;
  currency: string;
  billingInterval: BillingInterval;
  graceDays: number;
  paymentTermDays: number;
  invoiceNumberPrefix: string;
  userTypes: string[];
  dunning: DunningPolicy;
  issuesStatements: boolean;
  acceptsUnknownChargers: boolean;
  chargerEnrollmentKeyCreatedAt?: string | null;
  cardsValidAt: string[];
  acceptsCardsOf: string[];
  /** The effective language of drivers' documents: the operator's choice, or its country's when languageIsDefault. */
  language: DocumentLanguage;
  languageIsDefault: boolean;
  invoiceMail: InvoiceMail;
  chargerEnrollmentKey?: string;
  /** The user types whose drivers may be billed to an employer (null: EMPLOYEE). */
  employerBilledUserTypes?: string[] | null;
  /** How the operator's chargers are configured at boot, and whether they may speak OCPP 2.0.1. */
  chargerSettings?: ChargerSettings | null;
}

/** The languages documents are written in (ISO 639-1). */
export type DocumentLanguage = 'nl' | 'fr' | 'en' | 'de';
export const DOCUMENT_LANGUAGES: DocumentLanguage[] = ['nl', 'fr', 'en', 'de'];

/** Whether documents are e-mailed to drivers, and the administration's address for a blind copy. */
export interface InvoiceMail {
  enabled: boolean;
  bcc?: string | null;
}

export interface OperatorForm {
  legalName: string;
  address: Address;
  vatNumber: string;
  chamberOfCommerceNumber: string;
  iban: string;
  bic?: string | null;
  contactEmail: string;
  timeZone?: string | null;
  currency?: string | null;
  billingInterval?: BillingInterval | null;
  graceDays?: number | null;
  paymentTermDays?: number | null;
  invoiceNumberPrefix: string;
  acceptsUnknownChargers?: boolean;
  userTypes?: string[];
  dunning?: DunningPolicy | null;
  issuesStatements?: boolean;
  cardsValidAt?: string[];
  acceptsCardsOf?: string[];
  /** Null: the language of the operator's country. */
  language?: DocumentLanguage | null;
  invoiceMail?: InvoiceMail | null;
  /** The user types whose drivers may be billed to an employer; null: EMPLOYEE. */
  employerBilledUserTypes?: string[] | null;
  /** How chargers are configured at boot; null: the platform's defaults. */
  chargerSettings?: ChargerSettings | null;
}

export interface Site {
  id: string;
  revision: number;
  operatorId: string;
  name: string;
  address: Address;
  /** Null: SHARED. A HOME site is one employee's home charger, registered by the company. */
  kind?: SiteKind | null;
  /** The driver whose home a HOME site is. */
  ownerDriverId?: string | null;
  /** The most the site's feeder carries for charging, shared among its sessions by the ocpp-gateway. */
  loadLimit?: LoadLimit | null;
}

export type SiteKind = 'SHARED' | 'HOME';

export interface ChargerSettings {
  meterValueSampleInterval: number;
  authorizeRemoteTxRequests: boolean;
  localPreAuthorize: boolean;
  ocpp201Allowed: boolean;
}

/** Amperes per phase (A) or watts (W), as OCPP's chargingRateUnit. */
export interface LoadLimit {
  unit: 'A' | 'W';
  value: number;
}

export interface SiteForm {
  name: string;
  address: Address;
  kind: SiteKind;
  ownerDriverId: string | null;
  loadLimit: LoadLimit | null;
}

/** GET /api/ocpp/sites/{id}/load: how the site's limit is shared among the sessions charging there. */
export interface SiteLoad {
  siteId: string;
  limit?: LoadLimit | null;
  allocated: number;
  sessions: { chargePointId: string; connectorId: number; transactionId: number; unit: string; limit: number; outcome: string; sentAt: string }[];
  balancingThemselves: string[];
}

export type ChargerStatus = 'ACTIVE' | 'PENDING_APPROVAL' | 'DECOMMISSIONED';

export interface Charger {
  id: string;
  revision: number;
  operatorId: string;
  siteId: string | null;
  chargePointId: string;
  connectorCount: number;
  vendor?: string | null;
  model?: string | null;
  serialNumber?: string | null;
  firmwareVersion?: string | null;
  status: ChargerStatus;
  /** ENROLLMENT_KEY while an enrolled charger still presents its operator's key (it cannot be approved yet). */
  ocppPasswordOrigin?: 'ASSIGNED' | 'ISSUED' | 'ENROLLMENT_KEY' | null;
  /** Why it has not taken a password of its own yet. */
  ocppPasswordProblem?: string | null;
  ocppPassword?: string;
}

export interface SepaMandate {
  mandateId: string;
  signedOn: string;
  iban: string;
  bic?: string | null;
}

export type DriverStatus = 'ACTIVE' | 'INACTIVE';

export interface Driver {
  id: string;
  revision: number;
  operatorId: string;
  name: string;
  email: string;
  billingAddress: Address;
  userType: string;
  companyName?: string | null;
  companyVatNumber?: string | null;
  status: DriverStatus;
  sepaMandate?: SepaMandate | null;
  accountId?: string | null;
  /** Null: the operator's. */
  language?: DocumentLanguage | null;
  /** KvK number (NL) or enterprise number (BE) as digits, else the number as given. */
  companyRegistrationNumber?: string | null;
  /** The business customer (a driver of the same operator) invoiced for this employee's sessions. */
  employerId?: string | null;
  /** Where reimbursements of home charging are paid. */
  payoutIban?: string | null;
}

export interface DriverForm {
  name: string;
  email: string;
  billingAddress: Address;
  userType?: string | null;
  companyName?: string | null;
  companyVatNumber?: string | null;
  status?: DriverStatus | null;
  sepaMandate?: SepaMandate | null;
  language?: DocumentLanguage | null;
  companyRegistrationNumber?: string | null;
  employerId?: string | null;
  payoutIban?: string | null;
}

export type CardStatus = 'ACTIVE' | 'BLOCKED' | 'LOST' | 'EXPIRED';

export interface Card {
  id: string;
  revision: number;
  operatorId: string;
  driverId: string;
  idTag: string;
  label?: string | null;
  status: CardStatus;
  statusReason?: string | null;
  blockCause?: string | null;
  validUntil?: string | null;
}

export interface ImportResult {
  drivers: number;
  cards: number;
  rows: { line: number; driverId: string; email: string; cardId?: string | null; cardIdTag?: string | null }[];
}

export type SessionStatus = 'ACTIVE' | 'AWAITING_START' | 'COMPLETED' | 'HELD';

export interface Cost {
  currency: string;
  netAmount: Money;
  vatRate: Money;
  vatAmount: Money;
  grossAmount: Money;
  tariffId?: string | null;
  tariffVersion?: number | null;
  revision: number;
}

export interface Anomaly {
  rule: string;
  detail: string;
  detectedAt: string;
  resolvedAt?: string | null;
  resolvedBy?: string | null;
  resolution?: string | null;
}

export interface ChargingSession {
  sessionId: string;
  status: SessionStatus;
  heldReason?: string | null;
  chargePointId: string;
  transactionId: number;
  connectorId?: number | null;
  operatorId?: string | null;
  siteId?: string | null;
  chargerId?: string | null;
  cardId?: string | null;
  driverId?: string | null;
  idTag?: string | null;
  userType?: string | null;
  /** The kind of the session's site: HOME sessions are reimbursed, not invoiced. */
  siteKind?: SiteKind | null;
  startedAt?: string | null;
  startReceivedAt?: string | null;
  stoppedAt?: string | null;
  stopReceivedAt?: string | null;
  meterStartWh?: number | null;
  meterStopWh?: number | null;
  energyWh?: number | null;
  energyKwh?: Money | null;
  stopReason?: string | null;
  stopSource?: string | null;
  connectedSeconds?: number | null;
  chargingSeconds?: number | null;
  idleSeconds?: number | null;
  cost?: Cost | null;
  correctionRevision: number;
  anomalies: Anomaly[];
  /** An OCPP 2.0.1 station's own transactionId; null for a 1.6 charger's session. */
  stationTransactionId?: string | null;
  /** The seqNos of the station's TransactionEvents that never arrived: samples between them are missing. */
  missingEventSeqNos?: number[];
}

/** One reading of a session's energy register, as the charger reported it. */
export interface MeterSample {
  at: string;
  registerWh: number;
  /** Since the meter start; null while the start has not arrived. */
  energyWh?: number | null;
}

/** GET /api/sessions/sessions/{id}/meter-values: the register from meter start to meter stop, at most 500 readings. */
export interface MeterValues {
  sessionId: string;
  samples: MeterSample[];
}

export interface Correction {
  correctionId: string;
  sessionId: string;
  action: 'CORRECTED' | 'RELEASED';
  actedBy: string;
  actedAt: string;
  reason: string;
  statusBefore?: string | null;
  statusAfter?: string | null;
  stoppedAtBefore?: string | null;
  stoppedAtAfter?: string | null;
  meterStartWhBefore?: number | null;
  meterStartWhAfter?: number | null;
  meterStopWhBefore?: number | null;
  meterStopWhAfter?: number | null;
  energyWhBefore?: number | null;
  energyWhAfter?: number | null;
  published?: string | null;
  revision?: number | null;
}

export interface PriceLine {
  component: string;
  description: string;
  quantity: Money;
  unit: string;
  unitPrice: Money;
  amount: Money;
}

export interface SessionPrice {
  sessionId: string;
  revision: number;
  tariffId: string;
  tariffVersion: number;
  currency: string;
  lines: PriceLine[];
  netAmount: Money;
  vatRate: Money;
  vatAmount: Money;
  grossAmount: Money;
  pricedAt: string;
}

export interface ReportFigures {
  key?: string;
  label?: string;
  sessions: number;
  energyWh: number;
  energyKwh: number;
  connectedSeconds: number;
  chargingSeconds: number;
  idleSeconds: number;
  cost: { currency: string; netAmount: Money; vatAmount: Money; grossAmount: Money };
  unpricedSessions: number;
}

export interface ReportRow {
  sessionId: string;
  status: string;
  startedAt?: string | null;
  stoppedAt?: string | null;
  energyKwh?: Money | null;
  siteName?: string | null;
  chargePointId?: string | null;
  driverName?: string | null;
  cardLabel?: string | null;
  idTag?: string | null;
  userType?: string | null;
  cost?: { currency: string; netAmount: Money; vatAmount: Money; grossAmount: Money } | null;
}

export interface Report {
  operator: { operatorId: string; name: string; timeZone: string; currency: string };
  period: { from: string; to: string; timeZone: string; rule: string };
  filters: Record<string, string>;
  groupBy?: string | null;
  generatedAt: string;
  totals: ReportFigures;
  groups?: ReportFigures[];
  sessions?: ReportRow[];
}

export type ComponentType = 'ENERGY' | 'START_FEE' | 'TIME' | 'IDLE_FEE' | 'MIN_PRICE' | 'MAX_PRICE';
export type DayOfWeek = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export interface Restrictions {
  startTime?: string | null;
  endTime?: string | null;
  daysOfWeek?: DayOfWeek[] | null;
  startDate?: string | null;
  endDate?: string | null;
  minKwh?: Money | null;
  maxKwh?: Money | null;
  minDurationMinutes?: number | null;
  maxDurationMinutes?: number | null;
}

export interface TariffComponent {
  type: ComponentType;
  unitPrice: Money;
  label?: string | null;
  timeBasis?: 'CHARGING' | 'CONNECTED' | null;
  graceMinutes?: number | null;
  cap?: Money | null;
  restrictions?: Restrictions | null;
}

export interface TariffVersion {
  version: number;
  effectiveFrom: string;
  vatRate: Money;
  timeZone: string;
  components: TariffComponent[];
}

export interface Tariff {
  id: string;
  operatorId: string;
  name: string;
  userTypes: string[];
  siteId?: string | null;
  chargerId?: string | null;
  currency: string;
  versions: TariffVersion[];
}

export interface TariffForm {
  name: string;
  userTypes?: string[];
  siteId?: string | null;
  chargerId?: string | null;
  vatRate?: Money | null;
  components: TariffComponent[];
  effectiveFrom?: string | null;
}

export interface QuoteForm {
  energyKwh: number;
  durationMinutes: number;
  idleMinutes?: number;
  startAt?: string;
  userType?: string;
}

export interface Quote {
  chargePointId: string;
  userType: string;
  tariffId: string;
  tariffName: string;
  tariffVersion: number;
  startAt: string;
  stopAt: string;
  energyKwh: Money;
  durationMinutes: number;
  idleMinutes: number;
  currency: string;
  lines: PriceLine[];
  netAmount: Money;
  vatRate: Money;
  vatAmount: Money;
  grossAmount: Money;
}

export interface ChargerTariff {
  chargePointId: string;
  operatorId: string;
  siteId?: string | null;
  userType: string;
  tariffId: string;
  tariffName: string;
  tariffVersion: number;
  effectiveFrom: string;
  nextVersionFrom?: string | null;
  currency: string;
  vatRate: Money;
  timeZone: string;
  components: { type: ComponentType; terms: string; unit: string; unitPrice: Money; unitPriceInclVat: Money; label?: string | null }[];
}

export type InvoiceStatus = 'OPEN' | 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | 'OVERDUE' | 'CREDITED' | 'WRITTEN_OFF' | 'CLOSED';
export type DocumentKind = 'INVOICE' | 'CREDIT_NOTE' | 'STATEMENT' | 'REIMBURSEMENT';

export interface InvoiceSummary {
  id: string;
  kind: DocumentKind;
  operatorId: string;
  driverId: string;
  status: InvoiceStatus;
  number?: string | null;
  periodStart: string;
  periodEnd: string;
  issueDate?: string | null;
  dueDate?: string | null;
  currency: string;
  lineCount: number;
  netAmount: Money;
  vatAmount: Money;
  grossAmount: Money;
  paidAmount: Money;
  creditedAmount: Money;
  outstandingAmount: Money;
  paymentReference?: string | null;
  creditsInvoiceId?: string | null;
  creditsInvoiceNumber?: string | null;
}

export interface Payment {
  id: string;
  invoiceId: string;
  amount: Money;
  paidOn: string;
  reference?: string | null;
  method: 'TRANSFER' | 'DIRECT_DEBIT';
  registeredAt: string;
}

export interface InvoiceDetail extends InvoiceSummary {
  customer?: { name: string; email?: string | null; companyName?: string | null } | null;
  payments: Payment[];
  creditNotes: { id: string; number: string; issueDate: string; grossAmount: Money; reason: string }[];
  reminders: { step: string; daysOverdue: number; sentOn: string; outstandingAmount: Money }[];
  lines: { sessionId: string; chargePointId: string; startedAt: string; energyKwh: Money; grossAmount: Money; credited: boolean; description: string; employeeId?: string | null; employeeName?: string | null }[];
  reason?: string | null;
}

export interface BillingRun {
  id: string;
  operatorId: string;
  periodStart: string;
  periodEnd: string;
  trigger: 'SCHEDULE' | 'REQUEST';
  status: 'RUNNING' | 'COMPLETED';
  startedAt: string;
  completedAt?: string | null;
  invoicesIssued: number;
  statementsIssued: number;
  closedUnbilled: number;
  held: number;
  grossAmount: Money;
  firstNumber?: string | null;
  lastNumber?: string | null;
}

export interface Receivables {
  operatorId: string;
  asOf: string;
  totals: {
    currency: string;
    receivableInvoices: number;
    outstandingAmount: Money;
    overdueInvoices: number;
    overdueAmount: Money;
    openInvoices: number;
    openGrossAmount: Money;
  }[];
}

export interface StatementImport {
  rows: number;
  booked: number;
  bookedAmount: Money;
  alreadyImported: number;
  outgoing: number;
  bookings: { line: number; invoiceId: string; number: string; amount: Money; status: string }[];
  unmatched: { line: number; amount: Money; text: string; reason: string }[];
}

export interface DirectDebitBatch {
  id: string;
  operatorId: string;
  messageId: string;
  collectionDate: string;
  status: 'SUBMITTED' | 'SETTLED';
  createdAt: string;
  transactionCount: number;
  controlSum: Money;
  debits: { invoiceId: string; number?: string | null; endToEndId: string; amount: Money; mandateId: string; sequenceType: string; state: string }[];
  skipped: { invoiceId: string; number?: string | null; reason: string }[];
}

export interface Connection {
  chargePointId: string;
  connected: boolean;
  connectedSince?: string | null;
  lastSeen?: string | null;
  vendor?: string | null;
  model?: string | null;
  firmwareVersion?: string | null;
  registrationStatus?: string | null;
  connectors: { connectorId: number; status: string; errorCode?: string | null; timestamp?: string | null }[];
  /** How the billing configuration keys stand after the charger's last accepted boot (ocpp-gateway, docs/zaptec.md). */
  configuration?: ConfigurationKey[];
}

export interface ConfigurationKey {
  key: string;
  profile: string;
  wantedValue: string;
  reportedValue?: string | null;
  result: 'UNCHANGED' | 'ACCEPTED' | 'REBOOT_REQUIRED' | 'REJECTED' | 'NOT_SUPPORTED' | 'NO_ANSWER';
  detail?: string | null;
  checkedAt: string;
  sentAt?: string | null;
}

export interface CommandResult {
  commandId: string;
  action: string;
  outcome: 'ANSWERED' | 'CALL_ERROR' | 'TIMED_OUT' | 'NOT_CONNECTED';
  response?: Record<string, unknown> | null;
  errorCode?: string | null;
  errorDescription?: string | null;
}

export type ReimbursementBasis = 'FIXED' | 'CONTRACT';

/** One version of a reimbursement rate: a fixed price per kWh, or the employee's energy contract (capped). */
export interface ReimbursementRateVersion {
  version: number;
  effectiveFrom: string;
  basis: ReimbursementBasis;
  pricePerKwh?: Money | null;
  capPerKwh?: Money | null;
  monthlyCap?: Money | null;
  vatRate: Money;
  createdAt: string;
  reason?: string | null;
  correction: boolean;
}

/** What home charging is reimbursed at: for one employee (driverId) or for a user type. */
export interface ReimbursementRate {
  id: string;
  operatorId: string;
  driverId?: string | null;
  userType?: string | null;
  versions: ReimbursementRateVersion[];
}

export interface ReimbursementRateVersionForm {
  effectiveFrom: string;
  basis: ReimbursementBasis;
  pricePerKwh: number | null;
  capPerKwh: number | null;
  monthlyCap: number | null;
  vatRate: number;
  reason?: string | null;
  correction?: boolean;
}

export interface ReimbursementRateForm extends ReimbursementRateVersionForm {
  driverId: string | null;
  userType: string | null;
}

/** The employee's energy contract: prices incl. VAT as on the energy bill. */
export interface EnergyContract {
  id: string;
  driverId: string;
  supplier: string;
  validFrom: string;
  validTo?: string | null;
  dayPricePerKwh: Money;
  nightPricePerKwh?: Money | null;
  nightStart: string;
  nightEnd: string;
  weekendsAtNightPrice: boolean;
}

export interface EnergyContractForm {
  supplier: string;
  validFrom: string;
  validTo: string | null;
  dayPricePerKwh: number;
  nightPricePerKwh: number | null;
  nightStart: string;
  nightEnd: string;
  weekendsAtNightPrice: boolean;
}

/** GET /api/tariffs/me/reimbursement-rate: the version in effect today, with the contract in force for CONTRACT. */
export interface MyReimbursementRate {
  rateId: string;
  version: number;
  effectiveFrom: string;
  basis: ReimbursementBasis;
  pricePerKwh?: Money | null;
  capPerKwh?: Money | null;
  monthlyCap?: Money | null;
  contract?: EnergyContract | null;
}

/** One employee's reimbursed home charging in one month. */
export interface ReimbursementTotal {
  driverId: string;
  driverName: string;
  month: string;
  sessions: number;
  energyWh: number;
  amount: Money;
  currency: string;
}

/** A batch of reimbursement payouts (a pain.001 credit transfer), closed when executed. */
export interface PayoutBatch {
  id: string;
  operatorId: string;
  messageId?: string | null;
  status: string;
  createdAt: string;
  executedOn?: string | null;
  transactionCount?: number | null;
  controlSum?: Money | null;
  currency?: string | null;
  payouts?: { invoiceId?: string | null; number?: string | null; driverId?: string | null; driverName?: string | null; iban?: string | null; amount: Money; endToEndId?: string | null }[];
  skipped?: { invoiceId?: string | null; number?: string | null; reason: string }[];
}
