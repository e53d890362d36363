import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { forwardRef } from 'react';
import { FormattedMessage } from 'react-intl';
import { USER_ERROR_MESSAGES, type UserErrorCode } from './form-errors';

interface FieldProps {
  id: string;
  label: ReactNode;
  /** A message id (from zod or the API), shown under the field and tied to it. */
  error?: string | undefined;
  hint?: ReactNode;
}

/** The label, hint and error around a control; the control is described by the hint and the error. */
function FieldFrame(props: FieldProps & { children: (described: string | undefined) => ReactNode }) {
  const { id, label, error, hint } = props;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {props.children(described || undefined)}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <FormattedMessage id={error} />
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and its error announced with it (aria-describedby). */
export const TextField = forwardRef<HTMLInputElement, FieldProps & InputHTMLAttributes<HTMLInputElement>>(function TextField(
  { id, label, error, hint, ...input },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(described) => <input ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />}
    </FieldFrame>
  );
});

export const TextAreaField = forwardRef<HTMLTextAreaElement, FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextAreaField(
  { id, label, error, hint, ...input },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(described) => <textarea ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />}
    </FieldFrame>
  );
});

/** A user error from the API under its field, in the reader's words; `messages` may word some codes for this form. */
export function FieldError(props: { id: string; code: UserErrorCode | undefined; messages?: Record<UserErrorCode, string> }) {
  if (!props.code) return null;
  return (
    <p className="field__error" id={props.id}>
      <FormattedMessage id={(props.messages ?? USER_ERROR_MESSAGES)[props.code]} />
    </p>
  );
}
