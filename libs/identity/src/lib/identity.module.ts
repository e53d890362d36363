import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessDirectory, NodeRegistry, SessionVerifier, publicNodeLoad } from '@bottega/core';
import { AuthResolver } from './auth/auth.resolver';
import { BrowserSessionController } from './auth/browser-session.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottleRepository } from './auth/login-throttle.repository';
import { LoginThrottleService } from './auth/login-throttle.service';
import { PasswordHasher } from './auth/password.hasher';
import { PasswordPolicy } from './auth/password.policy';
import { SessionCookie } from './auth/session-cookie';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';
import { LiveSessionVerifier } from './sessions/live-session.verifier';
import { RememberedViewers } from './sessions/remembered-viewers';
import { RefreshTokenEntity, SessionEntity } from './sessions/session.entity';
import { SessionRepository } from './sessions/session.repository';
import { SuspensionResolver } from './suspensions/suspension.resolver';
import { SuspensionService } from './suspensions/suspension.service';
import { ACCOUNT_PRINCIPALS } from './users/account.principals';
import { AuditEntryActorResolver } from './users/audit-entry-actor.resolver';
import { DisplayNames } from './users/display-names';
import { UserEntity } from './users/user.entity';
import { UserLoaders } from './users/user.loaders';
import { User } from './users/user.model';
import { UserRepository } from './users/user.repository';
import { UserResolver } from './users/user.resolver';

@Module({})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: UserLoaders,
    private readonly access: AccessDirectory,
  ) {}

  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, RefreshTokenEntity])],
      controllers: [BrowserSessionController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        RememberedViewers,
        { provide: SessionVerifier, useClass: LiveSessionVerifier },
        AuthService,
        AuthResolver,
        LoginThrottleRepository,
        LoginThrottleService,
        PasswordHasher,
        PasswordPolicy,
        SessionCookie,
        SessionRepository,
        UserLoaders,
        UserRepository,
        UserResolver,
        SuspensionService,
        SuspensionResolver,
        AuditEntryActorResolver,
        DisplayNames,
      ],
      exports: [SessionVerifier, UserLoaders, PasswordHasher, DisplayNames],
    };
  }

  onModuleInit(): void {
    this.nodes.register('User', User, publicNodeLoad(this.loaders.byId, User.from));
    this.access.register(ACCOUNT_PRINCIPALS);
  }
}
