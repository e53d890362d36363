import { Identity1764000000100 } from './1764000000100-identity';
import { UserHandles1764000000350 } from './1764000000350-user-handles';
import { LoginThrottle1764000000800 } from './1764000000800-login-throttle';
import { UserEmailSkeletons1764000000810 } from './1764000000810-user-email-skeletons';
import { AccountChangeTriggers1764000003410 } from './1764000003410-account-change-triggers';

/** The identity library's migrations, in the order they apply. */
export const IDENTITY_MIGRATIONS = [
  Identity1764000000100,
  UserHandles1764000000350,
  LoginThrottle1764000000800,
  UserEmailSkeletons1764000000810,
  AccountChangeTriggers1764000003410,
];
