import { AppError, errorMessages } from '../shared/errors';
import { defaultDbPath } from '../core/paths';
import { asStorageError } from '../core/db/storageErrors';
import type { CliCommand, CliIo } from './command';
import { commands as allCommands } from './commands';

/** Runs one CLI invocation; separated from `index.ts` so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo, commands: CliCommand[] = allCommands): Promise<number> {
  const { rest, db, json, help } = extractGlobals(argv);
  const dbPath = db ?? defaultDbPath();
  // Longest match first, so "scanners listen" wins over "scanners".
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  const command = sorted.find((c) => {
    const words = c.name.split(' ');
    return words.every((w, i) => rest[i] === w);
  });
  if (!command) {
    if (rest.length > 0 && !help) {
      io.stderr(`Unknown command: ${rest.join(' ')}\n\n${helpText(commands)}`);
      return 2;
    }
    io.stdout(helpText(commands));
    return 0;
  }
  const args = rest.slice(command.name.split(' ').length);
  if (help) {
    io.stdout(`Usage: npm run cli -- ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run({ argv: args, dbPath, json, io });
  } catch (thrown) {
    // A full or read-only disk is a message for IT (DISK_FULL, DISK_READ_ONLY), not a stack trace.
    const error = asStorageError(thrown);
    if (error instanceof AppError) {
      const data = error.toData();
      const indent = ' '.repeat(data.code.length + 2);
      // Which file a database error is about: with INLEVERPUNT_DB and the default folder, the
      // reader cannot always tell which one the command looked at.
      const details: object | undefined = data.details;
      const path = details && 'path' in details && typeof details.path === 'string' ? `${indent}${details.path}\n` : '';
      io.stderr(json ? `${JSON.stringify({ error: data })}\n` : `${data.code}: ${data.message.nl}\n${indent}${data.message.en}\n${path}`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${error.message}\nUsage: npm run cli -- ${command.usage}\n`);
      return 2;
    }
    io.stderr(`${errorMessages.INTERNAL.nl}\n${errorMessages.INTERNAL.en}\n${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

function extractGlobals(argv: string[]): { rest: string[]; db?: string; json: boolean; help: boolean } {
  const rest: string[] = [];
  let db: string | undefined;
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--db') db = argv[++i];
    else if (arg.startsWith('--db=')) db = arg.slice(5);
    else rest.push(arg);
  }
  return { rest, ...(db !== undefined ? { db } : {}), json, help };
}

function helpText(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Inleverpunt — command line for the office and IT',
    '',
    'Usage: npm run cli -- <command> [options] [--db FILE] [--json]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --db FILE   the database to use (default: the app\'s own, or INLEVERPUNT_DB)',
    '  --json      machine-readable output',
    '  --help      this text, or a command\'s usage: <command> --help',
    '',
  ].join('\n');
}
