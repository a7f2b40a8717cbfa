/**
 * The portal's languages: one message file each (en, nl, fr), the same keys in all of them. The
 * language is the one chosen in the header (kept in localStorage), else the account's locale, else the
 * browser's. Sentences are whole messages with {placeholders}, never glued from fragments.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en';
import { nl } from './nl';
import { fr } from './fr';

export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const MESSAGES: Record<Lang, Messages> = { en, nl, fr };
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', nl: 'Nederlands', fr: 'Français' };
const STORAGE_KEY = 'evsettle.language';

export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = MESSAGES[lang][key] ?? en[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all)) : text;
}

export function asLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : null;
}

export function storedLang(): Lang | null {
  try {
    return asLang(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

export function browserLang(): Lang | null {
  const tags = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  for (const tag of tags) {
    const lang = asLang(tag);
    if (lang) return lang;
  }
  return null;
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The account's locale, used unless a language was chosen here. */
  adoptAccountLocale: (locale: string | null | undefined) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** The label of an enum value (status, type), or the value itself when it has none. */
  te: (prefix: string, value: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(initial ?? storedLang() ?? browserLang() ?? 'en');
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts this visit
    }
  }, []);
  const adoptAccountLocale = useCallback((locale: string | null | undefined) => {
    const account = asLang(locale);
    if (account && !storedLang()) setLangState(account);
  }, []);
  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, vars?: Vars) => translate(lang, key, vars);
    const te = (prefix: string, v: string | null | undefined) => {
      if (!v) return '—';
      const key = `${prefix}.${v}` as MessageKey;
      return key in MESSAGES[lang] ? MESSAGES[lang][key] : v;
    };
    return { lang, setLang, adoptAccountLocale, t, te };
  }, [lang, setLang, adoptAccountLocale]);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
