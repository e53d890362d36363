import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { AttendanceStatus } from '../exchange-attendance.enums';

@InputType({ description: 'One person’s attendance: name their registration or them, not both.' })
export class AttendanceEntryInput {
  @Field(() => ID, { nullable: true })
  registrationId?: string | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => AttendanceStatus)
  status!: AttendanceStatus;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field(() => [AttendanceEntryInput], { description: 'Up to 500 people holding a seat, each once.' })
  @ArrayMinSize(1, { message: 'Record the attendance of at least one person.' })
  @ArrayMaxSize(500, { message: 'Record at most 500 people at a time.' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryInput)
  entries!: AttendanceEntryInput[];
}
