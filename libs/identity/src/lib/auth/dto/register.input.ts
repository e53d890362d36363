import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, Length, MaxLength } from 'class-validator';
import { TokenDelivery } from '../token-delivery';
import { PASSWORD_MAX_LENGTH } from '../password.policy';

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254, { message: 'An email address has at most 254 characters.' })
  email!: string;

  @Field({ description: 'Name shown to others, 2 to 80 characters.' })
  @Length(2, 80, { message: 'A display name has 2 to 80 characters.' })
  displayName!: string;

  @Field({ description: 'At least 12 characters, and not a common or easily guessed password.' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `A password has at most ${PASSWORD_MAX_LENGTH} characters.` })
  password!: string;

  @Field(() => TokenDelivery, {
    defaultValue: TokenDelivery.PAYLOAD,
    description: 'PAYLOAD (the default) returns every token; COOKIE, for browsers, sets the refresh token as a cookie instead.',
  })
  @IsOptional()
  @IsEnum(TokenDelivery)
  tokenDelivery?: TokenDelivery;
}
