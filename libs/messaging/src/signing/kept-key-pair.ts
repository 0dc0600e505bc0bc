import type { KeyObject } from 'node:crypto';
import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where a kept key pair lives: a folder, the private key's file name and the public key's. */
export interface KeptKeyPairFiles {
  dir: string;
  privateFile: string;
  publicFile: string;
}

const isMissing = (error: unknown): boolean => (error as { code?: string }).code === 'ENOENT';
const isTaken = (error: unknown): boolean => (error as { code?: string }).code === 'EEXIST';

// Written whole under a temporary name and renamed, so a reader never sees half a key.
const writeAtomically = async (file: string, text: string, mode: number): Promise<void> => {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, text, { mode });
  await rename(temporary, file);
};

// The first instance to start creates the key; `wx` makes a second one, starting at the same
// moment, read that key instead of writing its own.
const keptOrGenerated = async (
  file: string,
  parse: (pem: string, where: string) => KeyObject,
): Promise<{ key: KeyObject; generated: boolean }> => {
  try {
    return { key: parse(await readFile(file, 'utf8'), file), generated: false };
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' });

    return { key: privateKey, generated: true };
  } catch (error) {
    if (!isTaken(error)) throw error;

    return { key: parse(await readFile(file, 'utf8'), file), generated: false };
  }
};

/**
 * An Ed25519 key pair kept in a folder (mode 700): the private key read from its file (mode 600),
 * or generated there once; its public key written beside it, where others look for it. Used for
 * the gateway's token key and each service's event-signing key.
 */
export const keptKeyPair = async (
  files: KeptKeyPairFiles,
  parse: (pem: string, where: string) => KeyObject,
): Promise<{ privateKey: KeyObject; publicKey: KeyObject; generated: boolean }> => {
  await mkdir(files.dir, { recursive: true, mode: 0o700 });
  const { key: privateKey, generated } = await keptOrGenerated(
    path.join(files.dir, files.privateFile),
    parse,
  );
  const publicKey = createPublicKey(privateKey);
  const publicFile = path.join(files.dir, files.publicFile);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const existing = await readFile(publicFile, 'utf8').catch(() => undefined);
  if (existing !== publicPem) await writeAtomically(publicFile, publicPem, 0o644);

  return { privateKey, publicKey, generated };
};
