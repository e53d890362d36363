import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { TeamRole } from '../project.enums';

@InputType()
export class AddProjectMemberInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => TeamRole, { defaultValue: TeamRole.MEMBER })
  role!: TeamRole;

  @Field(() => String, { nullable: true, description: 'What they do in the project.' })
  @IsOptional()
  @MaxLength(80, { message: 'A title has at most 80 characters.' })
  title?: string | null;
}

@InputType()
export class UpdateProjectMemberInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => TeamRole, { nullable: true })
  role?: TeamRole | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(80, { message: 'A title has at most 80 characters.' })
  title?: string | null;
}

@InputType()
export class RemoveProjectMemberInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ID)
  userId!: string;
}
