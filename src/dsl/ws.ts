// fields the eu.luminis WebSocket samplers share
import { z } from "zod";
import { duration, int, isExpr } from "./expr.js";

const flag = z.union([z.boolean(), z.string().refine(isExpr, 'expected true, false or "${...}"')]);

/** where a sampler connects: used by wsOpen, and by the others only with `createNewConnection` */
export const connection = {
  /** wss:// instead of ws:// (a boolean, or an expression that yields true/false) @default false */
  tls: flag.default(false),
  /** host @default "" */
  server: z.string().default(""),
  /** @default 80 */
  port: int(1).default(80),
  /** path and query, e.g. "/stream?id=${id}" @default "" */
  path: z.string().default(""),
  /** ms @default 20000 */
  connectTimeout: duration("ms").default(20000),
};

/** open a new connection (replacing the thread's current one) instead of reusing it @default false */
export const createNewConnection = z.boolean().default(false);

/** ms to wait for a frame @default 6000 */
export const readTimeout = duration("ms").default(6000);

/** what a write sends */
export const payload = {
  /** text to send, or hex bytes ("62 69 6e") when `binary` @default "" */
  data: z.string().default(""),
  /** send a binary frame @default false */
  binary: z.boolean().default(false),
  /** send this file's content instead of `data` @default none */
  file: z.string().optional(),
};

export const PLUGIN_PREFIX = "eu.luminis.jmeter.wssampler.";
