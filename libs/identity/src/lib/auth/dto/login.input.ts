import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { TokenDelivery } from '../token-delivery';

@InputType()
export class LoginInput {
  @Field()
  @IsNotEmpty({ message: 'Enter your email address.' })
  @MaxLength(254, { message: 'An email address has at most 254 characters.' })
  email!: string;

  @Field()
  @IsNotEmpty({ message: 'Enter your password.' })
  @MaxLength(1024, { message: 'That password is too long.' })
  password!: string;

  @Field(() => TokenDelivery, {
    defaultValue: TokenDelivery.PAYLOAD,
    description: 'PAYLOAD (the default) returns every token; COOKIE, for browsers, sets the refresh token as a cookie instead.',
  })
  @IsOptional()
  @IsEnum(TokenDelivery)
  tokenDelivery?: TokenDelivery;
}
