/**
 * Who is logged in (/auth/me) and which operator the pages work on: an operator admin's own, or the
 * one a platform admin chose. Also the operator's time zone, in which every time is shown.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { auth, invoices, sessions, tariffs, users } from '../api/endpoints';
import type { Me, Operator } from '../api/types';
import { DEFAULT_ZONE } from '../format';
import { useI18n } from '../i18n';

const CHOSEN_OPERATOR = 'evsettle.operator';

export interface PortalSession {
  me: Me;
  isPlatformAdmin: boolean;
  isOperatorAdmin: boolean;
  isDriver: boolean;
  /** The operator the admin pages work on: the operator admin's, or the platform admin's choice. */
  operatorId: string | null;
  operator: Operator | null;
  zone: string;
  /**
   * Whether the driver is reimbursed for charging at home: a reimbursement rate applies to them today, or they
   * have a reimbursement statement. Decides whether "Home charging" is in the navigation.
   */
  chargesAtHome: boolean;
  chooseOperator: (id: string | null) => void;
  reloadOperator: () => void;
  setOperator: (operator: Operator) => void;
}

const SessionContext = createContext<PortalSession | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const isPlatformAdmin = me.roles.includes('platform-admin');
  const isOperatorAdmin = me.roles.includes('operator-admin');
  const isDriver = me.roles.includes('driver') && !isPlatformAdmin && !isOperatorAdmin;
  const [chosen, setChosen] = useState<string | null>(() => {
    if (!isPlatformAdmin) return null;
    try {
      return localStorage.getItem(CHOSEN_OPERATOR);
    } catch {
      return null;
    }
  });
  const operatorId = isOperatorAdmin && me.operatorId ? me.operatorId : isPlatformAdmin ? chosen : null;
  const [operator, setOperator] = useState<Operator | null>(null);
  const [driverZone, setDriverZone] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!operatorId) {
      setOperator(null);
      return;
    }
    let live = true;
    users.operator(operatorId).then(
      (o) => live && setOperator(o),
      () => {
        if (!live) return;
        setOperator(null);
        if (isPlatformAdmin) setChosen(null);
      },
    );
    return () => {
      live = false;
    };
  }, [operatorId, tick, isPlatformAdmin]);

  useEffect(() => {
    if (!isDriver) return;
    // a driver may not read the operator; the report of the own sessions names its zone
    sessions.myReport({}).then((r) => setDriverZone(r.operator.timeZone), () => undefined);
  }, [isDriver]);

  const [chargesAtHome, setChargesAtHome] = useState(false);
  useEffect(() => {
    if (!isDriver) return;
    let live = true;
    // a rate in effect (404: none) or any reimbursement statement, whichever answers yes first
    tariffs.myRate().then(() => live && setChargesAtHome(true), () => undefined);
    invoices.mine({ kind: 'REIMBURSEMENT', limit: 1 }).then(
      (page) => live && page.items.some((i) => i.kind === 'REIMBURSEMENT') && setChargesAtHome(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [isDriver]);

  const chooseOperator = useCallback((id: string | null) => {
    setChosen(id);
    try {
      if (id) localStorage.setItem(CHOSEN_OPERATOR, id);
      else localStorage.removeItem(CHOSEN_OPERATOR);
    } catch {
      // not kept
    }
  }, []);

  const value = useMemo<PortalSession>(
    () => ({
      me,
      isPlatformAdmin,
      isOperatorAdmin,
      isDriver,
      operatorId,
      operator,
      zone: operator?.timeZone ?? driverZone ?? DEFAULT_ZONE,
      chargesAtHome,
      chooseOperator,
      reloadOperator: () => setTick((n) => n + 1),
      setOperator,
    }),
    [me, isPlatformAdmin, isOperatorAdmin, isDriver, operatorId, operator, driverZone, chargesAtHome, chooseOperator],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function usePortal(): PortalSession {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('usePortal outside SessionProvider');
  return ctx;
}

/** The operator id of an admin page; the pages are only routed when there is one. */
export function useOperatorId(): string {
  const { operatorId } = usePortal();
  return operatorId ?? '';
}

/** Where the gateway writes the signed-in user into the page (api-gateway's portal/PortalPage.java). */
export const SIGNED_IN_DATA = 'evsettle-signed-in';

/**
 * The signed-in user the gateway wrote into the page it served, so the first page needs no round trip
 * to /auth/me; null where the page came without it (Vite's dev server).
 */
export function signedInFromPage(): Me | null {
  const data = typeof document === 'undefined' ? null : document.getElementById(SIGNED_IN_DATA);
  if (!data?.textContent) return null;
  try {
    return JSON.parse(data.textContent) as Me;
  } catch {
    return null;
  }
}

/** The signed-in user: the one written into the page, else asked of /auth/me; then the portal renders for them. */
export function useMe(): { me: Me | null; error: unknown } {
  const { adoptAccountLocale } = useI18n();
  const [me, setMe] = useState<Me | null>(signedInFromPage);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (me) return;
    auth.me().then(
      (m) => {
        adoptAccountLocale(m.locale);
        setMe(m);
      },
      setError,
    );
    // asked once, when the page did not carry the user
  }, [adoptAccountLocale]);
  return { me, error };
}
