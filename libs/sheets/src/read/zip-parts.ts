import type { SheetError } from './sheet.error';
import { notAWorkbook } from './sheet.error';

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR_SIGNATURE = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
// General-purpose flag bit 3: the sizes follow the part's data instead of its local header.
const DATA_DESCRIPTOR = 0x08;
// Signature, CRC, compressed and uncompressed size: what the streaming reader skips after the data.
const DATA_DESCRIPTOR_LENGTH = 16;

/** One part of a zip: where its local header starts, its name, how it is stored, its bytes. */
export interface ZipPart {
  offset: number;
  name: string;
  method: number;
  data: Buffer;
}

/** The zip's own table of contents (central directory), at its end. */
interface Listing {
  parts: (Omit<ZipPart, 'data'> & { compressedSize: number })[];
  /** Where the central directory starts. */
  start: number;
}

const partsDiffer = (): SheetError =>
  notAWorkbook({
    en: 'its parts differ from the table of contents at the end of the zip',
    zh: '文件中的内容与压缩包目录不一致',
  });

const endOfCentralDirectory = (zip: Buffer): number => {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at -= 1)
    if (zip.readUInt32LE(at) === EOCD) return at;
  throw notAWorkbook();
};

// The central directory, which must run without gaps up to its end record (zip64 is never needed).
const listingOf = (zip: Buffer): Listing => {
  const eocd = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const start = zip.readUInt32LE(eocd + 16);
  const listing: Listing = { parts: [], start };
  let at = start;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw notAWorkbook();
    const nameLength = zip.readUInt16LE(at + 28);
    listing.parts.push({
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  if (at !== eocd) throw partsDiffer();
  // The table need not be in the order of the parts themselves.
  listing.parts.sort((a, b) => a.offset - b.offset);

  return listing;
};

// One local part as unzipper (exceljs's streaming reader) reads it: the sizes in its local header,
// or, when these are left to a data descriptor, everything up to the descriptor's signature.
const localPartAt = (zip: Buffer, offset: number): { part: ZipPart; next: number } => {
  if (offset + 30 > zip.length) throw notAWorkbook();
  const flags = zip.readUInt16LE(offset + 6);
  const declaredSize = zip.readUInt32LE(offset + 18);
  const nameLength = zip.readUInt16LE(offset + 26);
  const dataStart = offset + 30 + nameLength + zip.readUInt16LE(offset + 28);
  let dataEnd = dataStart + declaredSize;
  let next = dataEnd;
  if ((flags & DATA_DESCRIPTOR) !== 0 && declaredSize === 0) {
    dataEnd = zip.indexOf(DATA_DESCRIPTOR_SIGNATURE, dataStart);
    if (dataEnd < 0) throw notAWorkbook();
    next = dataEnd + DATA_DESCRIPTOR_LENGTH;
  }
  if (next > zip.length) throw notAWorkbook();

  return {
    part: {
      offset,
      name: zip.toString('utf8', offset + 30, offset + 30 + nameLength),
      method: zip.readUInt16LE(offset + 8),
      data: zip.subarray(dataStart, dataEnd),
    },
    next,
  };
};

/**
 * The parts of a zip exactly as exceljs's streaming reader will decompress them: it walks the
 * local headers from the first byte and never looks at the table of contents, so a part missing
 * from that table (a second sharedStrings.xml, a hidden sheet) would be read but measured by
 * nothing that trusts the table. `visit` sees each part as it is found; afterwards the parts must
 * be exactly those the table lists (offsets, names, methods, sizes), as in every well-formed
 * .xlsx, otherwise the file is refused.
 */
export const streamedParts = async (
  zip: Buffer,
  visit: (part: ZipPart) => Promise<void>,
): Promise<void> => {
  const listing = listingOf(zip);
  const streamed: ZipPart[] = [];
  let at = 0;
  while (at + 4 <= zip.length && zip.readUInt32LE(at) === LOCAL_HEADER) {
    const { part, next } = localPartAt(zip, at);
    await visit(part);
    streamed.push(part);
    at = next;
  }
  if (at !== listing.start || streamed.length !== listing.parts.length) throw partsDiffer();
  streamed.forEach((part, i) => {
    const listed = listing.parts[i]!;
    if (
      part.offset !== listed.offset ||
      part.name !== listed.name ||
      part.method !== listed.method ||
      part.data.length !== listed.compressedSize
    )
      throw partsDiffer();
  });
};
