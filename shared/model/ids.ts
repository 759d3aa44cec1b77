// Branded identifiers and times, so a span id cannot be passed where an event id is wanted.

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Row id of an event, unique within one investigation. */
export type EventId = Brand<number, 'EventId'>;
/** Id of one imported evidence file, unique within one investigation. */
export type SourceId = Brand<number, 'SourceId'>;
/** UTC time in nanoseconds since the Unix epoch. */
export type Nanos = Brand<bigint, 'Nanos'>;
/** Canonical resource key, e.g. `k8s:prod/deployment/payments` (see shared/model/resource.ts). */
export type ResourceKey = Brand<string, 'ResourceKey'>;

export const eventId = (n: number) => n as EventId;
export const sourceId = (n: number) => n as SourceId;
export const nanos = (n: bigint) => n as Nanos;
export const resourceKey = (s: string) => s as ResourceKey;
