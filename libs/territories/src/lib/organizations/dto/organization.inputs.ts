import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { applyDecorators } from '@nestjs/common';
import { IsOptional, IsUrl, Length, MaxLength } from 'class-validator';
import { ConnectionArgs } from '@bottega/core';
import { OrganizationKind } from '../organization.enums';

/** An optional http(s) address. */
const Website = () =>
  applyDecorators(
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Enter a web address starting with https://.' }),
  );

/** An optional description of at most 2000 characters. */
const Description = () =>
  applyDecorators(
    Field(() => String, { nullable: true }),
    IsOptional(),
    MaxLength(2000, { message: 'A description has at most 2000 characters.' }),
  );

@InputType()
export class CreateOrganizationInput {
  @Field()
  @Length(2, 160, { message: 'A name has 2 to 160 characters.' })
  name!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => ID, { nullable: true, description: 'Where the organization is based.' })
  territoryId?: string | null;

  @Website()
  website?: string | null;

  @Description()
  description?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional field.' })
export class UpdateOrganizationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 160, { message: 'A name has 2 to 160 characters.' })
  name?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Website()
  website?: string | null;

  @Description()
  description?: string | null;
}

@InputType()
export class OrganizationFilter {
  @Field(() => ID, { nullable: true, description: 'Based in this territory or below it.' })
  territory?: string | null;

  @Field(() => [OrganizationKind], { nullable: true })
  kinds?: OrganizationKind[] | null;

  @Field(() => String, { nullable: true, description: 'Names starting with this text (case-insensitive).' })
  namePrefix?: string | null;
}

@ArgsType()
export class OrganizationsArgs extends ConnectionArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  filter?: OrganizationFilter | null;
}
