import { useDeferredValue, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import type { ChosenTerritory } from './editor-state';
import { TerritorySearchQuery } from './editor.queries';

const LIMIT = 10;

/**
 * Territories chosen by name: typing at least two letters lists matching territories to add;
 * each chosen one can be removed. At most ten, as the API takes them.
 */
export function TerritoryPicker(props: {
  chosen: ChosenTerritory[];
  onChange: (next: ChosenTerritory[]) => void;
  error?: string | undefined;
  id?: string;
  /** One territory only (the place an adoption happened). */
  single?: boolean;
  label?: string;
}) {
  const intl = useIntl();
  const id = props.id ?? 'practice-territories';
  const [text, setText] = useState('');
  const search = useRef<HTMLInputElement>(null);
  // The button pressed goes away: the search field takes the focus back.
  const refocus = () => requestAnimationFrame(() => search.current?.focus());
  const prefix = useDeferredValue(text.trim());
  const [{ data }] = useQuery({ query: TerritorySearchQuery, variables: { prefix }, pause: prefix.length < 2 });
  const chosenIds = new Set(props.chosen.map((territory) => territory.id));
  const found = prefix.length < 2 ? [] : (data?.territories.nodes ?? []).filter((territory) => !chosenIds.has(territory.id));
  const full = props.single ? props.chosen.length >= 1 : props.chosen.length >= LIMIT;
  const described = [`${id}-hint`, props.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="territory-picker">
      <legend>{props.label ?? intl.formatMessage({ id: 'practice-editor.field.territories.label' })}</legend>
      {props.chosen.length > 0 ? (
        <ul className="chosen" aria-label={intl.formatMessage({ id: 'practice-editor.territories.chosen' })}>
          {props.chosen.map((territory) => (
            <li key={territory.id}>
              <span>{territory.name}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  props.onChange(props.chosen.filter((other) => other.id !== territory.id));
                  refocus();
                }}
              >
                <FormattedMessage id="practice-editor.territories.remove" values={{ name: territory.name }} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? null : (
        <div className="field">
          <label htmlFor={`${id}-search`}>
            <FormattedMessage id="practice-editor.territories.search" />
          </label>
          <p className="field__hint" id={`${id}-hint`}>
            <FormattedMessage id="practice-editor.territories.hint" />
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
          />
        </div>
      )}
      {props.error ? (
        <p className="field__error" id={`${id}-error`}>
          <FormattedMessage id={props.error} />
        </p>
      ) : null}
      {!full && found.length > 0 ? (
        <ul className="found" aria-label={intl.formatMessage({ id: 'practice-editor.territories.found' })}>
          {found.map((territory) => (
            <li key={territory.id}>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  props.onChange([...props.chosen, { id: territory.id, code: territory.code, name: territory.name }]);
                  setText('');
                  refocus();
                }}
              >
                <FormattedMessage
                  id="practice-editor.territories.add"
                  values={{ name: territory.name, level: intl.formatMessage({ id: `practice-editor.territories.level.${territory.level}` }) }}
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
