import type { Readable } from 'node:stream';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin: Readable;
}

export interface CliContext {
  /** Arguments after the command name, with the global options removed. */
  argv: string[];
  /** The database every command works on (`--db`, else `INLEVERPUNT_DB`, else the app's own). */
  dbPath: string;
  /** `--json`: one machine-readable JSON document on stdout. */
  json: boolean;
  io: CliIo;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(ctx: CliContext): Promise<number> | number;
}

/** Prints either a JSON document or human lines, so every command honours `--json` the same way. */
export function output(ctx: CliContext, data: unknown, human: () => string): void {
  ctx.io.stdout(ctx.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}
