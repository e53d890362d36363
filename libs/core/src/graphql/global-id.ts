import { BadInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DecodedGlobalId {
  type: string;
  id: string;
}

/** Opaque Relay id: base64url of `Type:uuid`. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global id, or returns null when it is not one of ours. */
export function parseGlobalId(globalId: string): DecodedGlobalId | null {
  if (globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!/^[A-Z][A-Za-z]+$/.test(type) || !UUID.test(id)) return null;
  return { type, id: id.toLowerCase() };
}

/**
 * The database id behind a global id of the expected type; a malformed id or
 * one of another type is BAD_USER_INPUT naming the argument.
 */
export function fromGlobalId(globalId: string, expectedType: string, field: string[] = ['id']): string {
  const decoded = parseGlobalId(globalId);
  if (!decoded || decoded.type !== expectedType) {
    throw new BadInputError(`"${globalId}" is not a valid ${expectedType} id.`, field);
  }
  return decoded.id;
}
