import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

/** What the user can fix: returned in mutation payloads, never thrown. */
export enum UserErrorCode {
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  TAKEN = 'TAKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_TOKEN = 'INVALID_TOKEN',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  CAPACITY_FULL = 'CAPACITY_FULL',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why an input was refused; each is something the user can fix.',
});

@ObjectType({ description: 'A problem with the input that the user can fix.' })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["input", "email"].',
  })
  field!: string[] | null;

  @Field()
  message!: string;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  static of(code: UserErrorCode, message: string, field: string[] | null = null): UserError {
    return Object.assign(new UserError(), { code, message, field });
  }
}

/** Either a value or the user errors that prevented it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = <T = never>(...errors: UserError[]): Outcome<T> => ({ ok: false, errors });
