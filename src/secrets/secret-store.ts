/**
 * Named secrets (Intercom and Slack tokens) encrypted in the `secrets` table. Deleting a secret is how a
 * token is revoked locally. Key rotation re-encrypts every row in one transaction: all or nothing.
 */
import { AppError } from "../errors.js";
import type { Db } from "../store/database.js";
import type { SecretCipher } from "./cipher.js";

interface SecretRow {
  name: string;
  ciphertext: Buffer;
  key_id: string;
  created_at: number;
  updated_at: number;
}

export interface SecretInfo {
  name: string;
  keyId: string;
  createdAt: number;
  updatedAt: number;
}

export class SecretStore {
  constructor(
    private readonly db: Db,
    private cipher: SecretCipher,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  put(name: string, value: string): void {
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO secrets (name, ciphertext, key_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET ciphertext = excluded.ciphertext, key_id = excluded.key_id, updated_at = excluded.updated_at`,
      )
      .run(name, this.cipher.encrypt(value, name), this.cipher.keyId, at, at);
  }

  get(name: string): string | undefined {
    const row = this.db.prepare("SELECT * FROM secrets WHERE name = ?").get(name) as SecretRow | undefined;
    if (!row) return undefined;
    return this.decryptRow(row, this.cipher);
  }

  /** Revokes the stored copy. Returns whether there was one. */
  delete(name: string): boolean {
    return this.db.prepare("DELETE FROM secrets WHERE name = ?").run(name).changes > 0;
  }

  list(): SecretInfo[] {
    const rows = this.db.prepare("SELECT name, key_id, created_at, updated_at FROM secrets ORDER BY name").all() as SecretRow[];
    return rows.map((r) => ({ name: r.name, keyId: r.key_id, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  /**
   * Re-encrypts every secret under `next`. Every row is decrypted before anything is written, so a row that
   * cannot be read aborts the rotation with the database untouched. Returns the number of rows rotated.
   */
  rotate(next: SecretCipher): number {
    const rows = this.db.prepare("SELECT * FROM secrets").all() as SecretRow[];
    const plain = rows.map((row) => ({ name: row.name, value: this.decryptRow(row, this.cipher) }));
    const update = this.db.prepare("UPDATE secrets SET ciphertext = ?, key_id = ?, updated_at = ? WHERE name = ?");
    this.db
      .transaction(() => {
        for (const { name, value } of plain) update.run(next.encrypt(value, name), next.keyId, this.now(), name);
      })
      .immediate();
    this.cipher = next;
    return rows.length;
  }

  private decryptRow(row: SecretRow, cipher: SecretCipher): string {
    if (row.key_id !== cipher.keyId) {
      throw new AppError(
        "SECRET_WRONG_KEY",
        `The secret "${row.name}" was encrypted with key ${row.key_id}, but the current key is ${cipher.keyId}. Restore the previous SWITCHBOARD_SECRET_KEY or key file.`,
      );
    }
    return cipher.decrypt(row.ciphertext, row.name);
  }
}
