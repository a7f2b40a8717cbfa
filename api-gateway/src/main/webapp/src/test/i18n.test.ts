import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, asLang, translate } from '../i18n';
import { en } from '../i18n/en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const keys = Object.keys(en).sort();

  it.each(LANGUAGES)('%s has exactly the keys of en', (lang) => {
    expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
  });

  it.each(LANGUAGES)('%s has no empty message and the same placeholders as en', (lang) => {
    for (const key of keys) {
      const text = MESSAGES[lang][key as keyof typeof en];
      expect(text.trim(), `${lang} ${key}`).not.toBe('');
      expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it('interpolates whole sentences', () => {
    expect(translate('nl', 'import.done', { drivers: 3, cards: 2 })).toBe('3 bestuurders en 2 passen zijn geïmporteerd.');
    expect(translate('fr', 'cards.reportLostExplain', { idTag: 'X1' })).toContain('X1');
  });

  it('takes a language from a locale tag', () => {
    expect(asLang('nl-BE')).toBe('nl');
    expect(asLang('fr_FR')).toBe('fr');
    expect(asLang('de')).toBeNull();
  });
});
