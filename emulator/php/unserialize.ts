/**
 * A small reader for PHP `serialize()` output, enough for the `domainfields` order parameter
 * (`base64_encode(serialize($params["additionalfields"]))`, reference §5.6). String lengths are
 * byte lengths, so the reader walks a Buffer, not a JS string.
 */

export type PhpScalar = string | number | boolean | null;
export type PhpData = PhpScalar | { [key: string]: PhpData };

export class UnserializeError extends Error {}

export function phpUnserialize(input: Buffer | string): PhpData {
  const buf = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const reader = new Reader(buf);
  const value = reader.value();
  if (reader.pos !== buf.length) throw new UnserializeError(`trailing data at byte ${reader.pos}`);
  return value;
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  value(): PhpData {
    const tag = this.char();
    if (tag === "N") {
      this.expect(";");
      return null;
    }
    this.expect(":");
    switch (tag) {
      case "b":
        return this.until(";") === "1";
      case "i": {
        const text = this.until(";");
        if (!/^-?\d+$/.test(text)) throw new UnserializeError(`bad integer "${text}"`);
        return Number(text);
      }
      case "d": {
        const n = Number(this.until(";"));
        if (Number.isNaN(n)) throw new UnserializeError("bad float");
        return n;
      }
      case "s":
        return this.string();
      case "a":
        return this.array();
      default:
        throw new UnserializeError(`unsupported type "${tag}" at byte ${this.pos - 1}`);
    }
  }

  private string(): string {
    const length = Number(this.until(":"));
    if (!Number.isInteger(length) || length < 0) throw new UnserializeError("bad string length");
    this.expect('"');
    if (this.pos + length > this.buf.length) throw new UnserializeError("string runs past the end");
    const text = this.buf.subarray(this.pos, this.pos + length).toString("utf8");
    this.pos += length;
    this.expect('"');
    this.expect(";");
    return text;
  }

  private array(): { [key: string]: PhpData } {
    const count = Number(this.until(":"));
    if (!Number.isInteger(count) || count < 0) throw new UnserializeError("bad array length");
    this.expect("{");
    const out: { [key: string]: PhpData } = {};
    for (let i = 0; i < count; i++) {
      const key = this.value();
      if (typeof key !== "string" && typeof key !== "number") throw new UnserializeError("array key must be int or string");
      out[String(key)] = this.value();
    }
    this.expect("}");
    return out;
  }

  private char(): string {
    if (this.pos >= this.buf.length) throw new UnserializeError("unexpected end of input");
    return String.fromCharCode(this.buf[this.pos++]!);
  }

  private expect(c: string): void {
    const got = this.char();
    if (got !== c) throw new UnserializeError(`expected "${c}" at byte ${this.pos - 1}, got "${got}"`);
  }

  private until(c: string): string {
    const end = this.buf.indexOf(c, this.pos, "latin1");
    if (end < 0) throw new UnserializeError(`missing "${c}"`);
    const text = this.buf.subarray(this.pos, end).toString("latin1");
    this.pos = end + 1;
    return text;
  }
}

/**
 * Decodes an order's `domainfields` into a label → value map. Absent or empty means no fields;
 * anything else must be base64 of a serialized array (or `N;`), else the caller gets a message.
 */
export function decodeDomainFields(raw: string | undefined): { ok: true; fields: Record<string, string> } | { ok: false; message: string } {
  if (raw === undefined || raw === "") return { ok: true, fields: {} };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(raw)) return { ok: false, message: "domainfields must be base64 of a PHP-serialized array" };
  try {
    const data = phpUnserialize(Buffer.from(raw, "base64"));
    if (data === null) return { ok: true, fields: {} };
    if (typeof data !== "object") return { ok: false, message: "domainfields must be base64 of a PHP-serialized array" };
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) fields[k] = v === null || typeof v === "object" ? "" : String(v);
    return { ok: true, fields };
  } catch (error) {
    return { ok: false, message: `domainfields is not valid PHP serialize() output (${(error as Error).message})` };
  }
}
