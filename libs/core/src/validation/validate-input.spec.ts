import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { UserErrorCode } from '../graphql/user-error';
import { validateInput } from './validate-input';

class SampleInput {
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email!: string;

  @IsOptional()
  @MaxLength(5, { message: 'Too long.' })
  nickname?: string | null;

  @Length(2, 4, { message: 'Between 2 and 4.' })
  code!: string;
}

describe('validateInput', () => {
  it('returns no errors for a valid input', async () => {
    expect(await validateInput(SampleInput, { email: 'a@example.org', code: 'abc', nickname: null })).toEqual([]);
  });

  it('turns each failed rule into a user error with the field path and a code', async () => {
    const errors = await validateInput(SampleInput, { email: 'nope', code: 'abc', nickname: 'toolong' });
    expect(errors).toEqual([
      { field: ['input', 'email'], message: 'Enter a valid email address.', code: UserErrorCode.INVALID },
      { field: ['input', 'nickname'], message: 'Too long.', code: UserErrorCode.TOO_LONG },
    ]);
  });
});
