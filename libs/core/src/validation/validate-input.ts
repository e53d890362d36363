import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { UserError, UserErrorCode } from '../graphql/user-error';

const CODE_BY_CONSTRAINT: Record<string, UserErrorCode> = {
  isNotEmpty: UserErrorCode.REQUIRED,
  isDefined: UserErrorCode.REQUIRED,
  minLength: UserErrorCode.TOO_SHORT,
  arrayMinSize: UserErrorCode.TOO_SHORT,
  maxLength: UserErrorCode.TOO_LONG,
  arrayMaxSize: UserErrorCode.TOO_LONG,
  min: UserErrorCode.OUT_OF_RANGE,
  max: UserErrorCode.OUT_OF_RANGE,
};

/**
 * Checks an input against its class-validator decorators and returns the
 * problems as user errors with field paths (`["input", "email"]`).
 */
export async function validateInput<T extends object>(
  type: ClassConstructor<T>,
  input: T,
  path: string[] = ['input'],
): Promise<UserError[]> {
  const instance = plainToInstance(type, input);
  const errors = await validate(instance, { forbidUnknownValues: false });
  return errors.flatMap((error) => toUserErrors(error, path));
}

function toUserErrors(error: ValidationError, parent: string[]): UserError[] {
  const field = [...parent, error.property];
  const own = Object.entries(error.constraints ?? {})
    .slice(0, 1)
    .map(([constraint, message]) =>
      UserError.of(CODE_BY_CONSTRAINT[constraint] ?? UserErrorCode.INVALID, message, field),
    );
  return [...own, ...(error.children ?? []).flatMap((child) => toUserErrors(child, field))];
}
