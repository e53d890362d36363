import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'A competence: the person who has it and its skill.' })
export class EndorsementInput {
  @Field(() => ID, { description: 'The person (a User id) whose competence it is.' })
  userId!: string;

  @Field(() => ID)
  skillId!: string;
}
