import crypto, { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** Node's one-shot digest (20.12 and later): several times cheaper than a Hash object for short inputs. */
const oneShot = (crypto as { hash?: (algorithm: string, data: Uint8Array | string, encoding: "hex") => string }).hash;

/** SHA-256 (hex) of some bytes or of a string's UTF-8 bytes: the `docId` of a document; also record ids. */
export function sha256(data: Uint8Array | string): string {
  return oneShot ? oneShot("sha256", data, "hex") : createHash("sha256").update(data).digest("hex");
}

/** SHA-256 (hex) of a file, read as a stream (for files too large to hold). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
