import { z } from 'zod';

const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

/** The fields both Mastodon connectors share: which instance, which timeline, which token. */
export const timelineFields = {
  instanceUrl: httpUrl.describe(
    'The instance whose timeline is read, e.g. https://mastodon.social. Its federated timeline holds what it knows of the whole network.',
  ),
  hashtag: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .transform((tag) => tag.replace(/^#/, ''))
    .optional()
    .describe(
      'Read the hashtag timeline of this tag (with or without #) instead of the public one.',
    ),
  timeline: z
    .enum(['public', 'local'])
    .optional()
    .describe(
      'public (default): every public post the instance knows; local: only posts made on the instance.',
    ),
  accessToken: z
    .string()
    .min(1)
    .optional()
    .describe(
      'A user access token (scope read:statuses), sent as Authorization: Bearer. Optional for the REST timelines unless the instance disabled public preview; required by the streaming API since Mastodon 4.2.',
    ),
};

export const mastodonConfigSchema = z.object({
  ...timelineFields,
  maxPages: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe(
      'Pages of 40 statuses read per poll at most; the next poll goes on from where this one stopped.',
    ),
});

export type MastodonConfig = z.infer<typeof mastodonConfigSchema>;

export const mastodonStreamConfigSchema = z.object({
  ...timelineFields,
  streamingUrl: httpUrl
    .optional()
    .describe(
      "The streaming server's base URL when the instance serves it elsewhere (configuration.urls.streaming of GET /api/v2/instance); by default the instance, which redirects there.",
    ),
  stallTimeoutMs: z
    .number()
    .int()
    .min(50)
    .max(3_600_000)
    .default(90_000)
    .describe(
      'Reconnect when nothing (not even a heartbeat) arrived for this long (default 90 s).',
    ),
});

export type MastodonStreamConfig = z.infer<typeof mastodonStreamConfigSchema>;
