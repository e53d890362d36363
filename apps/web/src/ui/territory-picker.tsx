import { useDeferredValue, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../app/graphql';
import './territory-picker.css';

export const TerritorySearchQuery = graphql(`
  query TerritorySearch($prefix: String!) {
    territories(first: 8, filter: { namePrefix: $prefix }) {
      nodes {
        id
        code
        name
        level
      }
    }
  }
`);

type Level = ResultOf<typeof TerritorySearchQuery>['territories']['nodes'][number]['level'];
const LEVELS: Record<Level, string> = {
  REGION: 'ui.territories.level.REGION',
  PROVINCE: 'ui.territories.level.PROVINCE',
  DISTRICT: 'ui.territories.level.DISTRICT',
};

export interface PickedTerritory {
  id: string;
  code: string;
  name: string;
}

export interface TerritoryPickerProps {
  chosen: readonly PickedTerritory[];
  onChange: (next: PickedTerritory[]) => void;
  /** The fieldset's legend. */
  label: ReactNode;
  /** Prefix of the inputs' ids; unique on the page. */
  id: string;
  /** A message id from the form's checks or the API, tied to the search field. */
  error?: string | undefined;
  /** At most this many (the API's limit); 1 for a single place. */
  limit?: number;
}

/**
 * Territories chosen by name: typing two letters lists the matching regions, provinces and districts
 * to add; each chosen one can be removed. Focus stays in the search field and each change is announced.
 */
export function TerritoryPicker(props: TerritoryPickerProps) {
  const intl = useIntl();
  const { id, limit = 10 } = props;
  const [text, setText] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const search = useRef<HTMLInputElement>(null);
  // The button pressed goes away: the search field takes the focus back.
  const refocus = () => requestAnimationFrame(() => search.current?.focus());
  const prefix = useDeferredValue(text.trim());
  const [{ data, fetching }] = useQuery({ query: TerritorySearchQuery, variables: { prefix }, pause: prefix.length < 2 });
  const chosenIds = new Set(props.chosen.map((territory) => territory.id));
  const found = prefix.length < 2 ? [] : (data?.territories.nodes ?? []).filter((territory) => !chosenIds.has(territory.id));
  const full = props.chosen.length >= limit;
  const described = [`${id}-hint`, props.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="territory-picker">
      <legend>{props.label}</legend>
      {props.chosen.length > 0 ? (
        <ul className="territory-picker__chosen" aria-label={intl.formatMessage({ id: 'ui.territories.chosen' })}>
          {props.chosen.map((territory) => (
            <li key={territory.id}>
              <span>{territory.name}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  props.onChange(props.chosen.filter((other) => other.id !== territory.id).map(({ id, code, name }) => ({ id, code, name })));
                  setAnnouncement(intl.formatMessage({ id: 'ui.territories.removed' }, { name: territory.name }));
                  refocus();
                }}
              >
                <FormattedMessage id="ui.territories.remove" values={{ name: territory.name }} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? null : (
        <div className="field">
          <label htmlFor={`${id}-search`}>
            <FormattedMessage id="ui.territories.search" />
          </label>
          <p className="field__hint" id={`${id}-hint`}>
            <FormattedMessage id="ui.territories.hint" values={{ limit }} />
          </p>
          <input
            ref={search}
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            value={text}
            aria-describedby={described}
            aria-invalid={props.error ? true : undefined}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Enter here looks, it does not send the whole form.
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        </div>
      )}
      {props.error ? (
        <p className="field__error" id={`${id}-error`}>
          <FormattedMessage id={props.error} />
        </p>
      ) : null}
      {!full && prefix.length >= 2 ? (
        found.length > 0 ? (
          <ul className="territory-picker__found" aria-label={intl.formatMessage({ id: 'ui.territories.found' })}>
            {found.map((territory) => (
              <li key={territory.id}>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => {
                    props.onChange([...props.chosen.map(({ id, code, name }) => ({ id, code, name })), { id: territory.id, code: territory.code, name: territory.name }]);
                    setAnnouncement(intl.formatMessage({ id: 'ui.territories.added' }, { name: territory.name }));
                    setText('');
                    refocus();
                  }}
                >
                  <FormattedMessage id="ui.territories.add" values={{ name: territory.name, level: intl.formatMessage({ id: LEVELS[territory.level] }) }} />
                </button>
              </li>
            ))}
          </ul>
        ) : fetching ? null : (
          <p className="meta">
            <FormattedMessage id="ui.territories.noMatch" />
          </p>
        )
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
