export { IdentityModule } from './lib/identity.module';
export type { IdentityOptions } from './lib/identity.options';
export { User } from './lib/users/user.model';
export { UserLoaders } from './lib/users/user.loaders';
export { DisplayNames, DISPLAY_NAME_MAX_LENGTH, DISPLAY_NAME_MIN_LENGTH } from './lib/users/display-names';
export type { UserEntity } from './lib/users/user.entity';
export { PasswordHasher } from './lib/auth/password.hasher';
export { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers, type DemoUserKey } from './seed/demo-users';
export { isSuspended, suspendedSql } from './lib/users/suspension';
