import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { DEFAULT_LANG, TIME_ZONE, loadMessages, rememberLang, type Lang, type Messages } from './i18n';

interface LangState {
  lang: Lang;
  switchTo(lang: Lang): Promise<void>;
}

const LangContext = createContext<LangState>({ lang: DEFAULT_LANG, switchTo: async () => undefined });

export function useLang(): LangState {
  return useContext(LangContext);
}

/** react-intl with the reader's language and messages, dates in Europe/Rome, switchable in place. */
export function I18nProvider(props: { lang: Lang; messages: Messages; children: ReactNode }) {
  const [state, setState] = useState({ lang: props.lang, messages: props.messages });
  const switchTo = useCallback(async (lang: Lang) => {
    const messages = await loadMessages(lang);
    rememberLang(lang);
    setState({ lang, messages });
  }, []);
  const value = useMemo(() => ({ lang: state.lang, switchTo }), [state.lang, switchTo]);
  return (
    <LangContext.Provider value={value}>
      <IntlProvider locale={state.lang} defaultLocale={DEFAULT_LANG} timeZone={TIME_ZONE} messages={state.messages}>
        {props.children}
      </IntlProvider>
    </LangContext.Provider>
  );
}
