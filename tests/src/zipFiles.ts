import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer for the archive tests and the archive benchmark: it writes what a careless or hostile sender
 * can (names with "../", absolute or backslashed paths, a declared size that lies, a deflate bomb), which a
 * well-behaved ZIP library refuses to produce. Format: PKWARE APPNOTE 4.3 (local headers, central directory, end
 * record; no ZIP64, so at most 65,535 entries).
 */
export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** Default deflate. */
  method?: 'store' | 'deflate';
  /** Write this uncompressed size in the headers instead of the true one (a lying entry). */
  declaredSize?: number;
}

interface Written { name: Buffer; crc: number; compressed: number; size: number; method: number; offset: number }

/** Writes entries (any iterable, so 10,000 files need not be held at once) to `file`. */
export function writeZip(file: string, entries: Iterable<ZipEntry>): void {
  const fd = openSync(file, 'w', 0o600);
  let offset = 0;
  const written: Written[] = [];
  const put = (buffer: Buffer) => {
    writeSync(fd, buffer);
    offset += buffer.length;
  };
  try {
    for (const entry of entries) {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
      const method = entry.method === 'store' ? 0 : 8;
      const body = method === 8 ? deflateRawSync(data) : data;
      const name = Buffer.from(entry.name, 'utf8');
      const record: Written = { name, crc: crc32(data), compressed: body.length, size: entry.declaredSize ?? data.length, method, offset };
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(0, 10);
      local.writeUInt16LE(0x5b81, 12); // 2025-12-01
      local.writeUInt32LE(record.crc, 14);
      local.writeUInt32LE(record.compressed, 18);
      local.writeUInt32LE(record.size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      put(local);
      put(name);
      put(body);
      written.push(record);
    }
    const directoryStart = offset;
    for (const record of written) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0800, 8);
      central.writeUInt16LE(record.method, 10);
      central.writeUInt16LE(0, 12);
      central.writeUInt16LE(0x5b81, 14);
      central.writeUInt32LE(record.crc, 16);
      central.writeUInt32LE(record.compressed, 20);
      central.writeUInt32LE(record.size, 24);
      central.writeUInt16LE(record.name.length, 28);
      central.writeUInt32LE(record.offset, 42);
      put(central);
      put(record.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(written.length, 8);
    end.writeUInt16LE(written.length, 10);
    end.writeUInt32LE(offset - directoryStart, 12);
    end.writeUInt32LE(directoryStart, 16);
    put(end);
  } finally {
    closeSync(fd);
  }
}
