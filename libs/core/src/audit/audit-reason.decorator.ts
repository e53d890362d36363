import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { MaxLength, MinLength } from 'class-validator';

export const AUDIT_REASON_MIN = 3;
export const AUDIT_REASON_MAX = 500;

/** A required input field saying why staff act; it is kept in the audit log. Trim it before validating. */
export const AuditReason = () =>
  applyDecorators(
    Field({ description: `Why; kept in the audit log (${AUDIT_REASON_MIN} to ${AUDIT_REASON_MAX} characters).` }),
    MinLength(AUDIT_REASON_MIN, { message: `Give a reason of at least ${AUDIT_REASON_MIN} characters.` }),
    MaxLength(AUDIT_REASON_MAX, { message: `A reason has at most ${AUDIT_REASON_MAX} characters.` }),
  );
