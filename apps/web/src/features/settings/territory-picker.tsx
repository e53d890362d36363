import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { TerritorySearchQuery } from './settings.queries';

export interface PickedTerritory {
  id: string;
  name: string;
}

interface TerritoryPickerProps {
  value: PickedTerritory[];
  onChange: (value: PickedTerritory[]) => void;
  /** A message id from the form's checks or the API, tied to the search field. */
  error?: string | undefined;
}

/** The territories someone works in: found by the start of their name, added and removed with buttons. */
export function TerritoryPicker({ value, onChange, error }: TerritoryPickerProps) {
  const intl = useIntl();
  const id = useId();
  const [prefix, setPrefix] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const typed = prefix.trim();
  const [{ data, fetching }] = useQuery({ query: TerritorySearchQuery, variables: { prefix: typed }, pause: typed.length < 2 });
  const found = typed.length < 2 ? [] : (data?.territories.nodes ?? []).filter((territory) => !value.some((picked) => picked.id === territory.id));

  function add(territory: PickedTerritory) {
    onChange([...value, { id: territory.id, name: territory.name }]);
    setAnnouncement(intl.formatMessage({ id: 'settings.territories.added' }, { name: territory.name }));
    setPrefix('');
    document.getElementById(`${id}-search`)?.focus();
  }

  function remove(territory: PickedTerritory) {
    onChange(value.filter((picked) => picked.id !== territory.id));
    setAnnouncement(intl.formatMessage({ id: 'settings.territories.removed' }, { name: territory.name }));
    document.getElementById(`${id}-search`)?.focus();
  }

  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="picker">
      <legend>
        <FormattedMessage id="settings.field.territories.label" />
      </legend>
      {value.length === 0 ? (
        <p className="meta">
          <FormattedMessage id="settings.territories.none" />
        </p>
      ) : (
        <ul className="picker__chosen">
          {value.map((territory) => (
            <li key={territory.id}>
              <span>{territory.name}</span>
              <button type="button" className="link-button" onClick={() => remove(territory)}>
                <FormattedMessage id="settings.remove" />
                <span className="visually-hidden"> {territory.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`}>
          <FormattedMessage id="settings.territories.search" />
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          <FormattedMessage id="settings.field.territories.hint" />
        </p>
        <input
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          value={prefix}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(event) => setPrefix(event.target.value)}
          onKeyDown={(event) => {
            // Enter here looks, it does not send the whole form.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            <FormattedMessage id={error} />
          </p>
        ) : null}
      </div>
      {typed.length >= 2 ? (
        <div aria-live="polite">
          {found.length > 0 ? (
            <ul className="picker__found" aria-label={intl.formatMessage({ id: 'settings.territories.found' })}>
              {found.map((territory) => (
                <li key={territory.id}>
                  <button type="button" className="link-button" onClick={() => add(territory)}>
                    <FormattedMessage id="settings.territories.add" values={{ name: territory.name }} />
                  </button>
                </li>
              ))}
            </ul>
          ) : fetching ? null : (
            <p className="meta">
              <FormattedMessage id="settings.territories.noMatch" />
            </p>
          )}
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
