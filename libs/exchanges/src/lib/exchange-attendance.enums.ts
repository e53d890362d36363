import { registerEnumType } from '@nestjs/graphql';

/** What a manager records of someone who held a seat. */
export enum AttendanceStatus {
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  valuesMap: {
    ATTENDED: { description: 'Took part.' },
    NO_SHOW: { description: 'Held a seat and did not come.' },
  },
});
