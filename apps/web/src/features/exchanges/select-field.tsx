import { forwardRef, type SelectHTMLAttributes } from 'react';
import { FormattedMessage } from 'react-intl';

/** A labelled select with its hint and its error announced with it (aria-describedby); label and hint are message ids. */

export const SelectField = forwardRef<HTMLSelectElement, { id: string; label: string; hint?: string; error?: string | undefined } & SelectHTMLAttributes<HTMLSelectElement>>(
  function SelectField({ id, label, hint, error, children, ...select }, ref) {
    const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>
          <FormattedMessage id={label} />
        </label>
        {hint ? (
          <p className="field__hint" id={`${id}-hint`}>
            <FormattedMessage id={hint} />
          </p>
        ) : null}
        <select ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...select}>
          {children}
        </select>
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            <FormattedMessage id={error} />
          </p>
        ) : null}
      </div>
    );
  },
);
