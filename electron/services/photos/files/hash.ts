import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

// Hashing runs on the main thread; in slices of 1 MiB (a few ms each) a 60 MB photo never holds
// the event loop long enough for the window to stutter.
const SLICE = 1024 * 1024;

/** SHA-256 of `bytes` as 64 lowercase hex characters. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += SLICE) {
    hash.update(bytes.subarray(at, at + SLICE));
    if (at + SLICE < bytes.length) await yieldToEventLoop();
  }
  return hash.digest('hex');
}
