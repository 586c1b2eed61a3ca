/**
 * AES-256-GCM for secrets at rest. Each value gets a fresh 12-byte IV; the stored blob is
 * version ‖ iv ‖ tag ‖ ciphertext. The secret's name is bound in as associated data, so a ciphertext copied
 * onto another row fails to decrypt just as a tampered one does.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors.js";

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretCipher {
  readonly keyId: string;
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new AppError("SECRET_KEY_INVALID", `The secret key must be 32 bytes; this one is ${key.length}.`);
    this.#key = Buffer.from(key);
    // A fingerprint, not the key: lets us say "encrypted with another key" instead of "tampered".
    this.keyId = createHash("sha256").update(key).digest("hex").slice(0, 12);
  }

  static fromBase64(text: string): SecretCipher {
    return new SecretCipher(Buffer.from(text.trim(), "base64"));
  }

  static generateKey(): Buffer {
    return randomBytes(32);
  }

  encrypt(plaintext: string, associatedData: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    cipher.setAAD(Buffer.from(associatedData, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(blob: Buffer, associatedData: string): string {
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== FORMAT_VERSION) {
      throw new AppError("SECRET_TAMPERED", "A stored secret is malformed and cannot be decrypted.");
    }
    const iv = blob.subarray(1, 1 + IV_BYTES);
    const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const body = blob.subarray(1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, iv);
      decipher.setAAD(Buffer.from(associatedData, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch (error) {
      throw new AppError("SECRET_TAMPERED", "A stored secret failed its integrity check: it was changed, or belongs to another record.", { cause: error });
    }
  }
}
