/**
 * Where the encryption key comes from: SWITCHBOARD_SECRET_KEY when set, otherwise a key file beside the
 * database, created once (mode 0600) with a warning so nobody is surprised that it matters for backups.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import { SecretCipher } from "./cipher.js";

export interface KeySource {
  cipher: SecretCipher;
  origin: "environment" | "key-file" | "generated";
}

export function loadOrCreateKey(options: { envKey?: string; keyFilePath: string; logger: Logger }): KeySource {
  if (options.envKey) return { cipher: SecretCipher.fromBase64(options.envKey), origin: "environment" };
  if (existsSync(options.keyFilePath)) return { cipher: readKeyFile(options.keyFilePath), origin: "key-file" };
  const key = SecretCipher.generateKey();
  writeKeyFile(options.keyFilePath, key);
  options.logger.warn(
    { keyFile: options.keyFilePath },
    "SWITCHBOARD_SECRET_KEY is not set, so a new encryption key was written to the key file. Back it up with the database, or set SWITCHBOARD_SECRET_KEY.",
  );
  return { cipher: new SecretCipher(key), origin: "generated" };
}

export function readKeyFile(file: string): SecretCipher {
  const text = readFileSync(file, "utf8").trim();
  const key = Buffer.from(text, "base64");
  if (key.length !== 32) throw new AppError("SECRET_KEY_INVALID", `The key file ${file} does not hold a 32-byte base64 key.`);
  return new SecretCipher(key);
}

/** Written to a temporary file and renamed, so a crash never leaves half a key. */
export function writeKeyFile(file: string, key: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, `${key.toString("base64")}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
