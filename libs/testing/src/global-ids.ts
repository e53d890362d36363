import { toGlobalId } from '@bottega/core';

/** A well-formed global id of `type` that names nothing, for NOT_FOUND cases. */
export const unknownId = (type: string): string => toGlobalId(type, '00000000-0000-4000-8000-000000000000');
