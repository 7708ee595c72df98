/**
 * A calendar date as "YYYY-MM-DD" (no time zone: party records are dates, not instants). In a file
 * of its own because both the records (types.ts) and the message parameters (messages/render.ts)
 * name it, and types.ts names the messages' MessageRef: one home for it would close a circle.
 */
export type IsoDate = string;
