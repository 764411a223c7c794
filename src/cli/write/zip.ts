/**
 * The package as a zip: the input's entries are read with yauzl, which hands over each entry's
 * compressed bytes and CRC as stored, so the parts we do not change are copied into the output
 * without being inflated and deflated again (their bytes, compressed or not, are the input's). The
 * output is written with fflate's streaming Zip: copied entries go in as they are, new parts are
 * deflated by Node's zlib (native, several times faster than a JavaScript deflate on the 10 MB a
 * 10,000-unit results sheet takes) as they are generated, so a large sheet is never held whole.
 */
import { once } from "events";
import * as fs from "fs";
import * as zlib from "zlib";
import yauzl from "yauzl";
import { Zip, ZipPassThrough, type ZipInputFile } from "fflate";

export interface ZipEntry {
  /** the entry's name as stored (a part name without its leading "/", or a folder ending in "/") */
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  /** uncompressed size */
  size: number;
  /** the bytes as stored in the input */
  raw: Buffer;
  mtime: Date;
}

export class ZipReadError extends Error {}

/** Every entry of a zip, in the order of its central directory. */
export function readZip(buf: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new ZipReadError(err?.message ?? "no zip"));
      const out: ZipEntry[] = [];
      const fail = (e: Error) => {
        zip.close();
        reject(new ZipReadError(e.message));
      };
      zip.on("error", fail);
      zip.on("end", () => resolve(out));
      zip.on("entry", (e: yauzl.Entry) => {
        if (e.generalPurposeBitFlag & 1) return fail(new Error(`${e.fileName}: encrypted entry`));
        if (e.compressionMethod !== 0 && e.compressionMethod !== 8) return fail(new Error(`${e.fileName}: compression method ${e.compressionMethod}`));
        // compressed bytes as stored: decompress: false is only accepted for a deflated entry
        zip.openReadStream(e, e.compressionMethod === 8 ? { decompress: false } : {}, (err2, stream) => {
          if (err2 || !stream) return fail(err2 ?? new Error(e.fileName));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", fail);
          stream.on("end", () => {
            out.push({
              name: e.fileName, method: e.compressionMethod, crc: e.crc32, size: e.uncompressedSize,
              raw: Buffer.concat(chunks), mtime: e.getLastModDate(),
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** An entry's uncompressed bytes, checked against its CRC. */
export function inflate(e: ZipEntry): Buffer {
  let data: Buffer;
  try {
    data = e.method === 8 ? zlib.inflateRawSync(e.raw) : e.raw;
  } catch (err) {
    throw new ZipReadError(`${e.name}: ${(err as Error).message}`);
  }
  const crc = new Crc();
  crc.push(data);
  if (data.length !== e.size || crc.done() !== e.crc >>> 0) throw new ZipReadError(`${e.name}: CRC or size mismatch`);
  return data;
}

// zlib.crc32 came with Node 20.15; before it, fflate's pass-through entry computes the same CRC
const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** A running CRC-32 over chunks. */
class Crc {
  value = 0;
  private readonly js = nativeCrc ? null : new ZipPassThrough("crc");
  constructor() {
    if (this.js) this.js.ondata = () => undefined;
  }
  push(chunk: Uint8Array): void {
    if (this.js) this.js.push(chunk);
    else this.value = nativeCrc!(chunk, this.value) >>> 0;
  }
  done(): number {
    if (!this.js) return this.value;
    this.js.push(new Uint8Array(0), true);
    return this.js.crc >>> 0;
  }
}

/** fflate writes DOS dates, which start in 1980; an entry stored with none reads as 1979. */
function dosTime(d: Date): Date {
  const t = d.getTime();
  return Number.isFinite(t) && d.getFullYear() >= 1980 && d.getFullYear() < 2100 ? d : new Date(1980, 0, 1);
}

const BATCH_BYTES = 256 * 1024;

/** The output zip, written to a file descriptor as it is produced. */
export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | null = null;
  private readonly now = new Date();

  constructor(private readonly fd: number, private readonly level: number) {
    this.zip = new Zip((err, data) => {
      if (err) {
        this.failure ??= err;
        return;
      }
      if (!this.failure) {
        try {
          writeAll(this.fd, data);
        } catch (e) {
          this.failure = e as Error;
        }
      }
    });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private entry(name: string, mtime: Date): ZipInputFile {
    const file: ZipInputFile = { filename: name, size: 0, crc: 0, compression: 8, mtime: dosTime(mtime) };
    this.zip.add(file);
    return file;
  }

  /** An input entry as it was stored (a stored one is deflated: a stored entry after a data descriptor trips some readers). */
  copy(e: ZipEntry): void {
    const file = this.entry(e.name, e.mtime);
    file.size = e.size;
    file.crc = e.crc;
    file.ondata!(null, bytes(e.method === 8 ? e.raw : zlib.deflateRawSync(e.raw, { level: this.level })), true);
    this.check();
  }

  /** A small part given whole. */
  add(name: string, data: Buffer, mtime = this.now): void {
    const file = this.entry(name, mtime);
    const crc = new Crc();
    crc.push(data);
    file.size = data.length;
    file.crc = crc.done();
    file.ondata!(null, bytes(zlib.deflateRawSync(data, { level: this.level })), true);
    this.check();
  }

  /** A part given as chunks, deflated as they come: only a few chunks are held at a time. */
  async addStream(name: string, chunks: Iterable<Buffer>): Promise<void> {
    const file = this.entry(name, this.now);
    const deflate = zlib.createDeflateRaw({ level: this.level });
    const finished = new Promise<void>((resolve, reject) => {
      deflate.on("data", (d: Buffer) => file.ondata!(null, bytes(d), false));
      deflate.on("end", () => {
        file.ondata!(null, new Uint8Array(0), true);
        resolve();
      });
      deflate.on("error", reject);
    });
    const crc = new Crc();
    let size = 0;
    // small chunks are gathered before they go to zlib: each write is a round trip to its thread
    let batch: Buffer[] = [];
    let batched = 0;
    const send = async () => {
      const b = batch.length === 1 ? batch[0] : Buffer.concat(batch, batched);
      batch = [];
      batched = 0;
      crc.push(b);
      if (!deflate.write(b)) await once(deflate, "drain");
      this.check();
    };
    try {
      for (const chunk of chunks) {
        size += chunk.length;
        batch.push(chunk);
        batched += chunk.length;
        if (batched >= BATCH_BYTES) await send();
      }
      if (batched) await send();
    } catch (e) {
      deflate.destroy();
      throw e;
    }
    file.size = size;
    file.crc = crc.done();
    deflate.end();
    await finished;
    this.check();
  }

  end(): void {
    this.zip.end();
    this.check();
  }
}

/** fflate's typings want an ArrayBuffer-backed array; a Node Buffer is one (never a SharedArrayBuffer here). */
function bytes(b: Buffer): Uint8Array<ArrayBuffer> {
  return b as unknown as Uint8Array<ArrayBuffer>;
}

function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
}
