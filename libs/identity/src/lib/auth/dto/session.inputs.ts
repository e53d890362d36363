import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RefreshSessionInput {
  @Field()
  refreshToken!: string;
}

@InputType()
export class LogoutInput {
  @Field(() => String, {
    nullable: true,
    description: 'Ends the session of this refresh token; without it, the session of the access token used.',
  })
  refreshToken?: string | null;
}
