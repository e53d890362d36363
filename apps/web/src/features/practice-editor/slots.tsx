import { FormattedMessage } from 'react-intl';
import { NavLink } from 'react-router';
import type { FeatureSlots } from '../../app/slots';
import { useSessionState } from '../session/session-context';
import './slot.css';

/** The way to one's drafts and practices in review, for whoever is signed in. */
function MinePracticesLink() {
  const state = useSessionState();
  if (state.status !== 'signedIn') return null;
  return (
    <NavLink to="/practices/mine" className="mine-practices-link">
      <FormattedMessage id="practice-editor.mine.link" />
    </NavLink>
  );
}

export const slots: FeatureSlots = {
  header: MinePracticesLink,
};
