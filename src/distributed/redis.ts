import { Redis } from "ioredis";

/** A failure of a distributed command, with a message safe to print (it never holds a password). */
export class DistributedError extends Error {
  override name = "DistributedError";
}

/** A Redis server named by a `redis://` or `rediss://` URL. */
export interface RedisTarget {
  /** The URL as given. Holds the password: never print it. */
  url: string;
  /** `host:port/db`, for messages. */
  label: string;
  /** The password ("" when none), for scrubbing messages. */
  password: string;
}

/** Reads a Redis URL; the error names the URL with its password hidden. */
export function parseRedisUrl(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DistributedError(`--redis: not a valid URL: ${hidePasswords(url)}`);
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw new DistributedError(`--redis: not a redis:// URL: ${hidePasswords(url)}`);
  const db = u.pathname.replace(/^\//, "") || "0";
  let password = "";
  try {
    password = decodeURIComponent(u.password);
  } catch {
    password = u.password;
  }
  return { url, label: `${u.hostname || "localhost"}:${u.port || "6379"}/${db}`, password };
}

/** Hides the passwords of every `scheme://user:password@` in a text. */
export function hidePasswords(text: string): string {
  return text.replace(/(\/\/[^/@\s:]*):[^@/\s]*@/g, "$1:***@");
}

/** Removes URL credentials and the given passwords (also URL-encoded) from a text meant for people. */
export function scrub(text: string, ...passwords: string[]): string {
  let t = hidePasswords(text);
  for (const p of passwords) {
    if (!p) continue;
    t = t.split(p).join("***");
    const enc = encodeURIComponent(p);
    if (enc !== p) t = t.split(enc).join("***");
  }
  return t;
}

export function messageOf(e: unknown): string {
  const x = e as { message?: unknown; errors?: unknown[]; code?: unknown } | null;
  if (x && typeof x === "object") {
    if (typeof x.message === "string" && x.message) return x.message;
    if (Array.isArray(x.errors) && x.errors.length) return [...new Set(x.errors.map(messageOf))].join("; ");
    if (typeof x.code === "string") return x.code;
  }
  return String(e);
}

/**
 * Connects to Redis and checks it answers; fails fast (one connection
 * attempt, 5 s) with a message that names the server but not the password.
 * Once connected, a dropped connection is re-established in the background
 * (BullMQ needs `maxRetriesPerRequest: null`: commands wait for it).
 * BullMQ does not close a connection it is given: call `quit()` yourself.
 */
export async function connectRedis(target: RedisTarget): Promise<Redis> {
  let connected = false;
  const client = new Redis(target.url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    connectTimeout: 5_000,
    connectionName: "pokazatel",
    // before the first connection: give up at once; afterwards: keep trying, at most every 5 s
    retryStrategy: (times) => (connected ? Math.min(times * 500, 5_000) : null),
  });
  // errors surface through the calls that fail; an unhandled 'error' event would print a raw message
  let lastError: unknown = null;
  client.on("error", (e) => (lastError = e));
  try {
    await client.connect();
    await client.ping();
    connected = true;
  } catch (e) {
    client.disconnect();
    // "Connection is closed" says less than the error that closed it
    const why = lastError && /connection is closed/i.test(messageOf(e)) ? lastError : e;
    throw new DistributedError(`cannot connect to Redis at ${target.label}: ${scrub(messageOf(why), target.password)}`);
  }
  return client;
}

/** Closes a connection politely, or drops it when that fails. */
export async function closeRedis(client: Redis): Promise<void> {
  try {
    if (client.status === "ready") await client.quit();
    else client.disconnect();
  } catch {
    client.disconnect();
  }
}
