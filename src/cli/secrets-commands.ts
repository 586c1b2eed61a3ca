/** `switchboard secrets list | rotate-key | revoke NAME`. */
import { renameSync } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../errors.js";
import { SecretCipher } from "../secrets/cipher.js";
import { writeKeyFile } from "../secrets/key-file.js";
import type { CliContext } from "./context.js";

// The composition root is imported when a command runs, never for `--help`.
const loadRoot = () => import("../app.js");

export function registerSecretCommands(program: Command, context: CliContext): void {
  const secrets = program.command("secrets").description("Tokens stored encrypted in the database");

  secrets
    .command("list")
    .description("List stored secrets (names and key fingerprints, never values)")
    .action(async () => {
      const config = context.loadConfig();
      const { closeDeps, createDeps } = await loadRoot();
      const deps = createDeps(config);
      try {
        const rows = deps.secrets.list();
        if (rows.length === 0) console.log("No secrets are stored.");
        for (const row of rows) console.log(`${row.name}\tkey ${row.keyId}\tupdated ${new Date(row.updatedAt * 1000).toISOString()}`);
      } finally {
        await closeDeps(deps);
      }
    });

  secrets
    .command("revoke")
    .argument("<name>", "the secret to delete, as shown by `secrets list`")
    .description("Delete a stored token; Switchboard stops using it at once")
    .action(async (name: string) => {
      const config = context.loadConfig();
      const { closeDeps, createDeps } = await loadRoot();
      const deps = createDeps(config);
      try {
        console.log(deps.secrets.delete(name) ? `Revoked ${name}.` : `No secret named ${name} is stored.`);
      } finally {
        await closeDeps(deps);
      }
    });

  secrets
    .command("rotate-key")
    .description("Re-encrypt every stored secret under a new key")
    .option("--new-key <base64>", "the new 32-byte key in base64 (default: generate one)")
    .action(async (options: { newKey?: string }) => {
      const config = context.loadConfig();
      const nextKey = options.newKey ? parseNewKey(options.newKey) : SecretCipher.generateKey();
      const { closeDeps, createDeps } = await loadRoot();
      const deps = createDeps(config);
      try {
        const next = new SecretCipher(nextKey);
        // The new key is on disk before any row uses it, so no crash can leave rows nobody can read.
        const staged = `${config.keyFilePath}.next`;
        if (!config.secretKey) writeKeyFile(staged, nextKey);
        const count = deps.secrets.rotate(next);
        if (config.secretKey) {
          console.log(`Re-encrypted ${count} secret(s) under key ${next.keyId}.`);
          console.log("SWITCHBOARD_SECRET_KEY is set in the environment: replace it with the new key now, or Switchboard cannot read its secrets:");
          console.log(nextKey.toString("base64"));
        } else {
          renameSync(staged, config.keyFilePath);
          console.log(`Re-encrypted ${count} secret(s) under key ${next.keyId}; the key file ${config.keyFilePath} now holds the new key.`);
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError("SECRET_KEY_INVALID", `Key rotation failed and nothing was changed: ${(error as Error).message}`, { cause: error });
      } finally {
        await closeDeps(deps);
      }
    });
}

/** Checked before anything is opened, so a mistyped key names the option instead of failing deep inside. */
export function parseNewKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(text.trim())) {
    throw new AppError("USAGE", "--new-key must be 32 random bytes in base64 (make one with: openssl rand -base64 32). Nothing was changed.");
  }
  return key;
}
