/**
 * Where the value of `key` lies — [start, end) byte offsets — when it is the first member of the top-level object
 * in the UTF-8 JSON `bytes`, or undefined (any other shape: the caller parses the whole document instead).
 *
 * Why: a kubelet's stats/summary is `{"node":{…},"pods":[…]}` — Go's encoding/json writes struct fields in
 * declaration order, and statsapi.Summary declares Node before Pods
 * (kubernetes/kubelet pkg/apis/stats/v1alpha1/types.go). The fleet sweep needs only `node` (a few KB), while
 * `pods` is most of the body (~30 pods × containers × volumes). Parsing the whole body 5,000 times per refresh
 * period built and collected that pods object graph every time: the largest share of the production server's
 * CPU and garbage under load (`npm run bench -- load`, profiled with KD_BENCH_NODE_ARGS=--cpu-prof). Scanning to
 * the end of the first member costs a pass over those few KB; the rest of the body is never looked at, not even
 * decoded to a string (decoding every 40 KB body was the next largest cost). Bytes are safe to scan: every
 * structural character is ASCII, and UTF-8 never uses bytes below 0x80 inside a multi-byte character.
 *
 * The scan only tracks nesting and strings; whatever it returns is still JSON.parse'd and schema-validated by the
 * caller, so a malformed value fails there exactly as it would have in the whole document (a body broken only
 * after the first member is not noticed: nothing after it is used).
 */
export function leadingMemberRange(bytes: Uint8Array, key: string): [number, number] | undefined {
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== OPEN_BRACE) return undefined;
  i = skipSpace(bytes, i + 1);
  const quotedKey = new TextEncoder().encode(JSON.stringify(key));
  for (let k = 0; k < quotedKey.length; k++) if (bytes[i + k] !== quotedKey[k]) return undefined;
  i = skipSpace(bytes, i + quotedKey.length);
  if (bytes[i] !== COLON) return undefined;
  const start = skipSpace(bytes, i + 1);
  const end = valueEnd(bytes, start);
  return end === undefined ? undefined : [start, end];
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

function skipSpace(bytes: Uint8Array, i: number): number {
  for (;;) {
    const c = bytes[i];
    // JSON whitespace: space, tab, line feed, carriage return (RFC 8259 §2)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    i++;
  }
}

/** Index just past the string starting at `i` (a quote), or undefined if it never closes. */
function stringEnd(bytes: Uint8Array, i: number): number | undefined {
  for (let j = i + 1; j < bytes.length; j++) {
    const c = bytes[j];
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j + 1;
  }
  return undefined;
}

/**
 * Index just past the JSON value starting at `start`: an object or array by bracket depth, a string by its
 * closing quote, a scalar by the next delimiter. Undefined when the text ends first.
 */
function valueEnd(bytes: Uint8Array, start: number): number | undefined {
  const first = bytes[start];
  if (first === QUOTE) return stringEnd(bytes, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let j = start;
    while (j < bytes.length) {
      const c = bytes[j];
      if (
        c === COMMA ||
        c === CLOSE_BRACE ||
        c === CLOSE_BRACKET ||
        c === 0x20 ||
        c === 0x0a ||
        c === 0x0d ||
        c === 0x09
      )
        break;
      j++;
    }
    return j > start && j < bytes.length ? j : undefined;
  }
  let depth = 0;
  for (let j = start; j < bytes.length; j++) {
    const c = bytes[j];
    if (c === QUOTE) {
      const end = stringEnd(bytes, j);
      if (end === undefined) return undefined;
      j = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return undefined;
}

/**
 * A body's chunks as they arrive, keeping only what holds its leading member `key`: once the top-level object's
 * first member is complete (the first comma at depth 1, or the object's end) and it is `key`, later chunks are
 * dropped. A kubelet Summary is ~40 KB of which the `node` member is ~2.5 KB, usually inside the first TLS record:
 * a 5,000-node stats sweep kept ~200 MB of bodies alive until each one ended, long enough for V8 to promote them
 * out of the young generation, so they were freed only by the next full GC (the server's peak and steady RSS,
 * BENCHMARKS.md). The rest of the body is still read, so the keep-alive connection stays usable.
 *
 * A body of any other shape, or whose first member is another key, is kept whole: the caller then parses all of it.
 */
export class LeadingMemberChunks {
  private readonly chunks: Buffer[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** still looking for the end of the first member (false once found, or once the shape is known to differ) */
  private scanning = true;
  /** the kept chunks hold the whole leading member `key`: later chunks are dropped */
  private complete = false;

  constructor(private readonly key: string) {}

  push(chunk: Buffer): void {
    if (this.complete) return;
    this.chunks.push(chunk);
    if (!this.scanning || !this.firstMemberEndsIn(chunk)) return;
    this.scanning = false;
    const kept = this.bytes();
    this.complete = leadingMemberRange(kept, this.key) !== undefined;
  }

  /** What was kept: the whole body, or a prefix of it holding the leading member `key`. */
  bytes(): Buffer {
    if (this.chunks.length !== 1) {
      const joined = Buffer.concat(this.chunks);
      this.chunks.length = 0;
      this.chunks.push(joined);
    }
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** Carries nesting and string state across chunks; true when the top-level object's first member ends here. */
  private firstMemberEndsIn(chunk: Buffer): boolean {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
      } else if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth <= 0) return true;
      } else if (c === COMMA && this.depth === 1) return true;
    }
    return false;
  }
}
