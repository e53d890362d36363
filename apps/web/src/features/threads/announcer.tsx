import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

const AnnounceContext = createContext<(text: string) => void>(() => undefined);

/** One polite live region for the page: what a mutation changed, said once. */
export function Announcer(props: { children: ReactNode }) {
  const [text, setText] = useState('');
  // The same words twice in a row are still announced: the region is emptied first.
  const announce = useCallback((next: string) => {
    setText('');
    setTimeout(() => setText(next), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {props.children}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="thread-announcer">
        {text}
      </p>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (text: string) => void {
  return useContext(AnnounceContext);
}
