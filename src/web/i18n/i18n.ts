/**
 * The language the console speaks: messages, the domain's bilingual labels, and number and date
 * formats. Components read it from `I18nContext`; switching language re-renders with a new one.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { CATEGORIES, PROVIDER_KINDS, SUPPORT_FORMS, type Label } from '../../domain/taxonomy.js';
import { UNITS } from '../../domain/units.js';
import { MESSAGES, format, type Lang, type MessageKey } from './messages.js';

export interface I18n {
  readonly lang: Lang;
  /** The BCP 47 tag for `<html lang>` and Intl. */
  readonly locale: string;
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  label(label: Label): string;
  category(id: string): string;
  form(id: string): string;
  providerKind(id: string): string;
  unit(id: string): string;
  number(value: number, maxDigits?: number): string;
  /** Exactly `digits` decimals, so columns of scores line up. */
  decimal(value: number, digits: number): string;
  percent(share: number): string;
  dateTime(iso: string): string;
}

/** A label from a taxonomy table, or the id itself when the table does not know it. */
function lookup(table: Readonly<Record<string, Label>>, id: string, lang: Lang): string {
  return Object.hasOwn(table, id) ? table[id]![lang] : id;
}

const UNIT_LABELS: Readonly<Record<string, Label>> = Object.fromEntries(Object.entries(UNITS).map(([id, def]) => [id, def.label]));

/** Builds the i18n of one language. */
export function makeI18n(lang: Lang): I18n {
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const messages = MESSAGES[lang];
  const formats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (maxDigits: number, minDigits = 0) => {
    const key = `${minDigits}/${maxDigits}`;
    let f = formats.get(key);
    if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits })));
    return f;
  };
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return {
    lang,
    locale,
    t: (key, values) => format(messages[key], values),
    label: (l) => l[lang],
    category: (id) => lookup(CATEGORIES, id, lang),
    form: (id) => lookup(SUPPORT_FORMS, id, lang),
    providerKind: (id) => lookup(PROVIDER_KINDS, id, lang),
    unit: (id) => lookup(UNIT_LABELS, id, lang),
    number: (value, maxDigits = 0) => numberFormat(maxDigits).format(value),
    decimal: (value, digits) => numberFormat(digits, digits).format(value),
    percent: (share) => percentFormat.format(share),
    dateTime: (iso) => dateFormat.format(new Date(iso)),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('zh'));

/** The current language's i18n. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

const LANG_KEY = 'jiedui.lang';

/** The language chosen earlier in this browser; zh-CN unless English was chosen. */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private windows may refuse storage; the choice then lasts until reload.
  }
}
