import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormattedMessage } from 'react-intl';

interface ChoiceProps<T extends string> {
  legend: ReactNode;
  name: string;
  /** Each value with the message id naming it. */
  options: Record<T, string>;
  /** A message id explaining a value, where it needs one. */
  hints?: Partial<Record<T, string>>;
  register: UseFormRegisterReturn;
}

/** One of a few values, as radio buttons in a fieldset (arrow keys move between them). */
export function Choice<T extends string>({ legend, name, options, hints, register }: ChoiceProps<T>) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {(Object.entries(options) as [T, string][]).map(([value, id]) => {
        const hint = hints?.[value];
        const inputId = `${name}-${value}`;
        return (
          <div key={value} className="choice__option">
            <input type="radio" id={inputId} value={value} aria-describedby={hint ? `${inputId}-hint` : undefined} {...register} />
            <label htmlFor={inputId}>
              <FormattedMessage id={id} />
            </label>
            {hint ? (
              <p className="field__hint" id={`${inputId}-hint`}>
                <FormattedMessage id={hint} />
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
