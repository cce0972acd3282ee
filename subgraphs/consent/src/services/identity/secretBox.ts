/**
 * Encryption at rest for secrets the server must be able to read back (TOTP seeds: the server computes
 * the expected code, so they cannot be hashed like passwords). AES-256-GCM with a key kept outside the
 * database (ONSHI_SECRET_KEY as 64 hex digits, else a 0600 file in the data dir), so a copy of the
 * database alone does not reveal any second factor (no key stored in clear on the server).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function loadOrCreateSecretKey(dataDir: string, env: Record<string, string | undefined> = process.env): Buffer {
  const configured = env.ONSHI_SECRET_KEY;
  if (configured) {
    if (!/^[0-9a-f]{64}$/i.test(configured)) throw new Error('ONSHI_SECRET_KEY must be 64 hex digits (32 bytes)');
    return Buffer.from(configured, 'hex');
  }
  const keyPath = path.join(dataDir, 'consent', 'secret-key');
  if (!existsSync(keyPath)) {
    mkdirSync(path.dirname(keyPath), { recursive: true });
    writeFileSync(keyPath, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'hex');
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new RangeError('A secret-box key is 32 bytes');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
    },
    open(sealed) {
      const [version, iv, ciphertext, tag] = sealed.split(':');
      if (version !== VERSION || !iv || !ciphertext || !tag) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
