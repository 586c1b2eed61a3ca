import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { createSilentLogger } from "../../src/logger.js";
import { SecretCipher } from "../../src/secrets/cipher.js";
import { loadOrCreateKey } from "../../src/secrets/key-file.js";
import { SecretStore } from "../../src/secrets/secret-store.js";
import { openDatabase } from "../../src/store/database.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

describe("secrets at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const db = openDatabase(join(temp.dir, "a.db"));
    const store = new SecretStore(db, new SecretCipher(SecretCipher.generateKey()));
    store.put("intercom:access_token", "dG9rOnNlY3JldC12YWx1ZQ==");
    expect(store.get("intercom:access_token")).toBe("dG9rOnNlY3JldC12YWx1ZQ==");
    const raw = db.prepare("SELECT ciphertext FROM secrets").get() as { ciphertext: Buffer };
    expect(raw.ciphertext.includes(Buffer.from("dG9rOnNlY3JldC12YWx1ZQ=="))).toBe(false);
    expect(store.delete("intercom:access_token")).toBe(true);
    expect(store.get("intercom:access_token")).toBeUndefined();
    db.close();
  });

  it("detects a flipped bit", () => {
    const cipher = new SecretCipher(SecretCipher.generateKey());
    const blob = cipher.encrypt("hello", "name");
    blob[blob.length - 1] ^= 1;
    expect(() => cipher.decrypt(blob, "name")).toThrow(/integrity check/);
  });

  it("detects a ciphertext moved to another record", () => {
    const db = openDatabase(join(temp.dir, "b.db"));
    const store = new SecretStore(db, new SecretCipher(SecretCipher.generateKey()));
    store.put("one", "first");
    store.put("two", "second");
    db.prepare("UPDATE secrets SET ciphertext = (SELECT ciphertext FROM secrets WHERE name = 'one') WHERE name = 'two'").run();
    let caught: unknown;
    try {
      store.get("two");
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "SECRET_TAMPERED")).toBe(true);
    db.close();
  });

  it("rotates every secret to a new key; the old key then cannot read them", () => {
    const db = openDatabase(join(temp.dir, "c.db"));
    const oldCipher = new SecretCipher(SecretCipher.generateKey());
    const store = new SecretStore(db, oldCipher);
    store.put("a", "alpha");
    store.put("b", "beta");
    const next = new SecretCipher(SecretCipher.generateKey());
    expect(store.rotate(next)).toBe(2);
    expect(store.get("a")).toBe("alpha");
    expect(new SecretStore(db, next).get("b")).toBe("beta");
    expect(() => new SecretStore(db, oldCipher).get("a")).toThrow(/encrypted with key/);
    db.close();
  });

  it("a rotation that meets an unreadable row changes nothing", () => {
    const db = openDatabase(join(temp.dir, "d.db"));
    const cipher = new SecretCipher(SecretCipher.generateKey());
    const store = new SecretStore(db, cipher);
    store.put("good", "value");
    store.put("bad", "value");
    db.prepare("UPDATE secrets SET ciphertext = X'01' WHERE name = 'bad'").run();
    const before = db.prepare("SELECT name, key_id, hex(ciphertext) AS c FROM secrets ORDER BY name").all();
    expect(() => store.rotate(new SecretCipher(SecretCipher.generateKey()))).toThrow();
    expect(db.prepare("SELECT name, key_id, hex(ciphertext) AS c FROM secrets ORDER BY name").all()).toEqual(before);
    expect(store.get("good")).toBe("value");
    db.close();
  });

  it("generates a key file once, mode 0600, and reuses it", () => {
    const keyFilePath = join(temp.dir, "keys", "switchboard.key");
    const first = loadOrCreateKey({ keyFilePath, logger: createSilentLogger() });
    expect(first.origin).toBe("generated");
    expect(existsSync(keyFilePath)).toBe(true);
    expect(statSync(keyFilePath).mode & 0o777).toBe(0o600);
    const second = loadOrCreateKey({ keyFilePath, logger: createSilentLogger() });
    expect(second.origin).toBe("key-file");
    expect(second.cipher.keyId).toBe(first.cipher.keyId);
  });

  it("prefers the key from the environment", () => {
    const key = SecretCipher.generateKey();
    const source = loadOrCreateKey({ envKey: key.toString("base64"), keyFilePath: join(temp.dir, "unused.key"), logger: createSilentLogger() });
    expect(source.origin).toBe("environment");
    expect(source.cipher.keyId).toBe(new SecretCipher(key).keyId);
    expect(existsSync(join(temp.dir, "unused.key"))).toBe(false);
  });
});
