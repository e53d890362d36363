import type { CombinedError } from '@urql/core';
import { FormattedMessage } from 'react-intl';

/** The code of the API's refusal (FORBIDDEN, NOT_FOUND…), if that is why a request failed. */
export function refusalOf(error: CombinedError | undefined): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : null;
}

/** A query or mutation that did not go through: refused by the API, or unanswered. */
export function RequestFailure({ error }: { error: CombinedError }) {
  const code = refusalOf(error);
  return (
    <p className="form__alert" role="alert">
      <FormattedMessage
        id={code === 'FORBIDDEN' ? 'practice-editor.error.forbidden' : code === 'NOT_FOUND' ? 'practice-editor.error.notFound' : 'practice-editor.error.network'}
      />
    </p>
  );
}
