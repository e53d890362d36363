import { z } from 'zod';

/** Longest post the API accepts, in characters. */
export const POST_MAX_LENGTH = 20_000;

/** A post's body as people count it: characters, not UTF-16 units. */
const length = (text: string) => [...text].length;

export const replySchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'threads.composer.required')
    .refine((text) => length(text) <= POST_MAX_LENGTH, 'threads.composer.tooLong'),
});

export type ReplyValues = z.infer<typeof replySchema>;
