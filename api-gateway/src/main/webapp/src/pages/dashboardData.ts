/**
 * What the dashboard shows, asked for as soon as the portal knows whose dashboard it opens: while the
 * dashboard's own code is still loading (App starts it), so the page's data does not wait for its chunk.
 * Each answer asked early is handed to the dashboard once; a later reload asks again.
 */
import { invoices, ocpp, sessions, users } from '../api/endpoints';
import { monthEnd, monthStart } from '../format';

/** The dashboard's requests for an operator, over the twelve months up to today's. */
export function dashboardRequests(operatorId: string, today: string) {
  const from = monthStart(today, 11);
  const to = monthEnd(today);
  return {
    report: () => sessions.report({ operatorId, from, to, groupBy: 'month' }),
    presence: async () => {
      const page = await users.chargers(operatorId, { status: 'ACTIVE', limit: 100 });
      const online = (await ocpp.connections(page.items.map((c) => c.chargePointId))).filter((c) => c.connected).length;
      return { total: page.items.length, online, more: !!page.next };
    },
    pending: () => users.chargers(operatorId, { status: 'PENDING_APPROVAL', limit: 10 }),
    held: () => sessions.list({ operatorId, status: 'HELD', limit: 5 }),
    receivables: () => invoices.receivables(operatorId),
    overdue: () => invoices.list({ operatorId, status: 'OVERDUE', limit: 5 }),
  };
}

type Requests = ReturnType<typeof dashboardRequests>;
type Name = keyof Requests;
type Answers = { [N in Name]?: ReturnType<Requests[N]> };

let early: { key: string; answers: Answers } | null = null;

const keyOf = (operatorId: string, today: string) => `${operatorId}|${monthStart(today)}`;

/** Starts every request of this dashboard now. */
export function startDashboard(operatorId: string, today: string): void {
  const requests = dashboardRequests(operatorId, today);
  const answers: Answers = {};
  for (const name of Object.keys(requests) as Name[]) {
    const answer = requests[name]();
    // a failure is the dashboard's to show when it takes the answer, not an unhandled rejection before
    answer.catch(() => undefined);
    (answers as Record<Name, unknown>)[name] = answer;
  }
  early = { key: keyOf(operatorId, today), answers };
}

/** The answer started early for this dashboard, handed out once; else the request, made now. */
export function dashboardAnswer<N extends Name>(operatorId: string, today: string, name: N): ReturnType<Requests[N]> {
  if (early?.key === keyOf(operatorId, today)) {
    const answer = early.answers[name];
    if (answer) {
      delete early.answers[name];
      return answer as ReturnType<Requests[N]>;
    }
  }
  return dashboardRequests(operatorId, today)[name]() as ReturnType<Requests[N]>;
}
