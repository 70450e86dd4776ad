import { z } from 'zod';

/** Bluesky's public Jetstream instance (https://github.com/bluesky-social/jetstream#public-instances). */
export const DEFAULT_JETSTREAM_URL = 'wss://jetstream2.us-east.bsky.network/subscribe';

export const blueskyConfigSchema = z.object({
  keywords: z
    .array(z.string().trim().min(1).max(200))
    .max(500)
    .optional()
    .describe(
      'Keep only posts containing one of these words or phrases, matched whole-word on folded text (case and diacritics ignored: "ha noi" matches "Hà Nội"). Jetstream cannot filter on text, so every post is read and filtered here.',
    ),
  langs: z
    .array(z.string().trim().min(2).max(16))
    .max(50)
    .optional()
    .describe(
      'Keep only posts whose declared languages (record.langs) include one of these, e.g. ["vi"]; "vi" also matches "vi-VN".',
    ),
  wantedDids: z
    .array(z.string().regex(/^did:[a-z]+:[A-Za-z0-9._:%-]+$/, 'must be a DID'))
    .max(10_000)
    .optional()
    .describe('Only these accounts (Jetstream wantedDids; at most 10,000).'),
  jetstreamUrl: z
    .string()
    .url()
    .refine((value) => /^wss?:\/\//i.test(value), 'must be a ws:// or wss:// URL')
    .default(DEFAULT_JETSTREAM_URL)
    .describe('The Jetstream subscribe endpoint.'),
  stallTimeoutMs: z
    .number()
    .int()
    .min(50)
    .max(3_600_000)
    .default(90_000)
    .describe('Reconnect when no message arrived for this long (default 90 s).'),
});

export type BlueskyConfig = z.infer<typeof blueskyConfigSchema>;
