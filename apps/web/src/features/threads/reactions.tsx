import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { USER_ERROR_MESSAGES } from '../../ui/form-errors';
import { ReactMutation } from './post.mutations';
import type { ReactionKind } from './post-types';

// Typed against the schema's enum, so a kind the API adds fails the typecheck until it has words.
const COUNTS: Record<ReactionKind, string> = {
  LIKE: 'threads.reaction.LIKE',
  HELPFUL: 'threads.reaction.HELPFUL',
  INSIGHTFUL: 'threads.reaction.INSIGHTFUL',
  THANKS: 'threads.reaction.THANKS',
  CELEBRATE: 'threads.reaction.CELEBRATE',
};

const ACTIONS: Record<ReactionKind, string> = {
  LIKE: 'threads.react.LIKE',
  HELPFUL: 'threads.react.HELPFUL',
  INSIGHTFUL: 'threads.react.INSIGHTFUL',
  THANKS: 'threads.react.THANKS',
  CELEBRATE: 'threads.react.CELEBRATE',
};

const ORDER: ReactionKind[] = ['LIKE', 'HELPFUL', 'INSIGHTFUL', 'THANKS', 'CELEBRATE'];

interface Reaction {
  kind: ReactionKind;
  count: number;
  viewerHasReacted: boolean;
}

/** The reactions a post received; toggle buttons (aria-pressed) for a signed-in reader. */
export function Reactions(props: { postId: string; reactions: readonly Reaction[]; canReact: boolean }) {
  const intl = useIntl();
  const [{ fetching }, react] = useMutation(ReactMutation);
  const [refusal, setRefusal] = useState<string | null>(null);
  const byKind = new Map(props.reactions.map((reaction) => [reaction.kind, reaction]));
  const label = intl.formatMessage({ id: 'threads.post.reactions' });

  if (!props.canReact) {
    const given = ORDER.flatMap((kind) => {
      const reaction = byKind.get(kind);
      return reaction && reaction.count > 0 ? [reaction] : [];
    });
    if (given.length === 0) return null;
    return (
      <ul className="reactions" aria-label={label}>
        {given.map((reaction) => (
          <li key={reaction.kind}>
            <FormattedMessage id={COUNTS[reaction.kind]} values={{ count: reaction.count }} />
          </li>
        ))}
      </ul>
    );
  }

  async function toggle(kind: ReactionKind, on: boolean) {
    setRefusal(null);
    const result = await react({ input: { postId: props.postId, kind, on } });
    const error = result.data?.react?.userErrors[0];
    if (error) setRefusal(USER_ERROR_MESSAGES[error.code]);
    else if (result.error) setRefusal('threads.error.network');
  }

  return (
    <div className="reactions-bar">
      <ul className="reactions reactions--buttons" aria-label={label}>
        {ORDER.map((kind) => {
          const reaction = byKind.get(kind);
          const pressed = reaction?.viewerHasReacted ?? false;
          const count = reaction?.count ?? 0;
          return (
            <li key={kind}>
              <button
                type="button"
                className="reaction"
                aria-pressed={pressed}
                onClick={() => {
                  if (!fetching) void toggle(kind, !pressed);
                }}
              >
                <FormattedMessage id={ACTIONS[kind]} />
                <span className="reaction__count">
                  <span className="visually-hidden">, </span>
                  {count}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {refusal ? (
        <p className="form-refusal" role="alert">
          <FormattedMessage id={refusal} />
        </p>
      ) : null}
    </div>
  );
}
