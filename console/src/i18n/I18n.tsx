// i18n: every user-visible string lives in the message files (see catalogs.ts); the chosen
// language is remembered in localStorage. t('key', {name}) fills {name} placeholders.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { EN, ZH_CN, type MessageKey } from './catalogs';

export type Language = 'en' | 'zh-CN';
export type { MessageKey };
type Messages = Record<string, string>;

const CATALOGS: Record<Language, Messages> = { en: EN, 'zh-CN': ZH_CN };
export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '中文' },
];
const STORAGE_KEY = 'flotilla.language';

export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Looks a key up in the language, falling back to English, then to the key itself. */
export function translate(lang: Language, key: string, vars?: Record<string, string | number>): string {
  return format(CATALOGS[lang][key] ?? CATALOGS.en[key] ?? key, vars);
}

export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: T;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const setLang = useCallback((l: Language) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<I18nValue>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang]);
  document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT(): T {
  return useI18n().t;
}
