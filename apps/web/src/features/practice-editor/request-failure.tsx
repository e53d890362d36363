import type { CombinedError } from '@urql/core';
import { FormattedMessage } from 'react-intl';
import { errorCode } from '../../ui/form-errors';

/** A query or mutation that did not go through: refused by the API, or unanswered. */
export function RequestFailure({ error }: { error: CombinedError }) {
  const code = errorCode(error);
  return (
    <p className="form__alert" role="alert">
      <FormattedMessage
        id={code === 'FORBIDDEN' ? 'practice-editor.error.forbidden' : code === 'NOT_FOUND' ? 'practice-editor.error.notFound' : 'practice-editor.error.network'}
      />
    </p>
  );
}
