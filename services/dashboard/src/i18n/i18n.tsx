import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

import type { Formats } from './format';
import { formatsOf } from './format';
import type { Lang, MessageKey } from './messages';
import { MESSAGES } from './messages';

const STORAGE_KEY = 'taizhang.lang';

export interface I18n extends Formats {
  lang: Lang;
  /** The label in the current language, with `{name}` placeholders filled. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** Picks the text of the current language from a pair. */
  pick: (text: Record<Lang, string>) => string;
  toggle: () => void;
}

/** The labels and formats of a language (outside React too: a sheet is written in Chinese). */
export const i18nOf = (lang: Lang, toggle: () => void = () => undefined): I18n => ({
  ...formatsOf(lang),
  lang,
  t: (key, values = {}) =>
    MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
  pick: (text) => text[lang],
  toggle,
});

const I18nContext = createContext<I18n | null>(null);

const storedLang = (): Lang => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

/** zh-CN unless the user chose English before (kept in this browser). */
export const I18nProvider = ({ children, initial }: { children: ReactNode; initial?: Lang }) => {
  const [lang, setLang] = useState<Lang>(initial ?? storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = MESSAGES[lang].appTitle;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // A browser without storage keeps the choice for the tab only.
    }
  }, [lang]);
  const toggle = useCallback(() => setLang((now) => (now === 'zh-CN' ? 'en' : 'zh-CN')), []);
  const value = useMemo<I18n>(() => i18nOf(lang, toggle), [lang, toggle]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');

  return i18n;
};

/** The button that switches language, labelled in the other language (English / 中文). */
export const LanguageToggle = () => {
  const { t, toggle } = useI18n();

  return (
    <button type="button" className="lang-toggle" onClick={toggle}>
      {t('otherLanguage')}
    </button>
  );
};
