import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** Argon2id at OWASP's recommended minimum: 19 MiB memory, 2 iterations, 1 lane. */
const PARAMETERS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordHasher {
  /** Verified against when the account is unknown, so both paths take the same time. */
  private readonly decoy: Promise<string> = hash('decoy password for unknown accounts', PARAMETERS);

  hash(password: string): Promise<string> {
    return hash(password, PARAMETERS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    const matches = await verify(passwordHash ?? (await this.decoy), password).catch(() => false);
    return passwordHash !== null && matches;
  }
}
