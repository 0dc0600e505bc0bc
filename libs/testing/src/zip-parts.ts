import { constants, deflateRawSync } from 'node:zlib';

/** Deflated data that inflates to `mebibytes` MiB of zeros: one fully flushed MiB repeated, closed. */
export const zerosDeflated = (mebibytes: number): Buffer => {
  const mebibyte = deflateRawSync(Buffer.alloc(2 ** 20), { finishFlush: constants.Z_FULL_FLUSH });

  return Buffer.concat([...Array<Buffer>(mebibytes).fill(mebibyte), Buffer.from([0x03, 0x00])]);
};

/**
 * The zip with one more part that its table of contents does not list: a local header and its
 * data just before the central directory, whose offset in the end record moves along (what a
 * streaming reader such as exceljs's reads, though the directory never names it).
 */
export const withUnlistedPart = (zip: Buffer, name: string, deflated: Buffer): Buffer => {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const centralDirectory = zip.readUInt32LE(eocd + 16);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(1_000, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const part = Buffer.concat([local, nameBytes, deflated]);
  const result = Buffer.concat([
    zip.subarray(0, centralDirectory),
    part,
    zip.subarray(centralDirectory),
  ]);
  result.writeUInt32LE(centralDirectory + part.length, eocd + part.length + 16);

  return result;
};
