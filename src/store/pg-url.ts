/**
 * Connection URLs for the PostgreSQL store: the schema parameter, a label
 * safe to print, and scrubbing of credentials from any text.
 */

export const DEFAULT_SCHEMA = "pokazatel";

export interface PgTarget {
  /** The URL given to pg: the original without `schema=`. Holds the password: never print it. */
  connectionString: string;
  /** The schema the store's tables live in (unquoted name). */
  schema: string;
  /** The URL with the password replaced by `***`. */
  where: string;
  /** `user@host:port/database`, for messages. */
  label: string;
  /** The password, for scrubbing messages ("" when none is in the URL). */
  password: string;
}

/** Hides the password of a connection URL (`postgres://user:***@host/db`); text that is not a URL gets the same treatment by pattern. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) {
      u.password = "***";
      return u.toString();
    }
    return url;
  } catch {
    return redactText(url);
  }
}

/** Hides the passwords of every `scheme://user:password@` in a text. */
export function redactText(text: string): string {
  return text.replace(/(\/\/[^/@\s:]*):[^@/\s]*@/g, "$1:***@");
}

/** Quotes an SQL identifier: `"name"` with inner quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Checks a schema name PostgreSQL can hold as given (no NUL, at most 63 bytes: longer names would be truncated silently). */
export function checkSchemaName(name: string): string {
  if (!name) throw new Error("empty schema name");
  if (name.includes("\u0000")) throw new Error("schema name holds a NUL character");
  if (Buffer.byteLength(name, "utf8") > 63) throw new Error(`schema name longer than 63 bytes: ${JSON.stringify(name.slice(0, 80))}`);
  return name;
}

/** Reads a postgres:// URL: takes `?schema=NAME` out (default `pokazatel`, or `schema` when given). */
export function parsePgUrl(url: string, schema?: string): PgTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a valid PostgreSQL URL: ${redactUrl(url)}`);
  }
  if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error(`not a PostgreSQL URL: ${redactUrl(url)}`);
  const fromUrl = u.searchParams.get("schema");
  u.searchParams.delete("schema");
  const password = decodeURIComponent(u.password);
  const user = decodeURIComponent(u.username) || process.env.PGUSER || "";
  const host = u.hostname ? decodeURIComponent(u.hostname) : u.searchParams.get("host") ?? process.env.PGHOST ?? "localhost";
  const port = u.port || process.env.PGPORT || "5432";
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || process.env.PGDATABASE || user;
  const connectionString = u.search === "" || u.search === "?" ? u.toString().replace(/\?$/, "") : u.toString();
  return {
    connectionString,
    schema: checkSchemaName(schema ?? fromUrl ?? DEFAULT_SCHEMA),
    where: redactUrl(url),
    label: `${user ? `${user}@` : ""}${host}:${port}/${database}`,
    password,
  };
}

/** Removes a password (and any URL credentials) from a text meant for people. */
export function scrub(text: string, password: string): string {
  let t = redactText(text);
  if (password) {
    t = t.split(password).join("***");
    const enc = encodeURIComponent(password);
    if (enc !== password) t = t.split(enc).join("***");
  }
  return t;
}
