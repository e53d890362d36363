import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';

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
}
