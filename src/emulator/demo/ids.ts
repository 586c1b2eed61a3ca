/** Deterministic identifiers shaped like Intercom's: 24-hex object ids for people and companies, numbers elsewhere. */
import { hashSeed } from "./prng.js";

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}

/**
 * An id like a Mongo ObjectId: creation time, a per-kind salt, then the index scrambled by an odd multiplier
 * (a bijection modulo 2^32, so ids of one kind never collide).
 */
export function objectId(createdAt: number, kindSalt: number, index: number): string {
  return hex8(createdAt) + hex8(kindSalt) + hex8(Math.imul(index + 1, 0x9e3779b1));
}

export function kindSalt(seed: number, kind: string): number {
  return hashSeed(seed, kind);
}

/** The workspace (app) id: 8 lowercase letters and digits derived from the seed. */
export function workspaceIdFor(seed: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  let h = hashSeed(seed, "workspace");
  let out = "";
  for (let i = 0; i < 8; i++) {
    out += alphabet[h % 36];
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return out;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
