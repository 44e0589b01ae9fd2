import { app } from 'electron';
import { runCli } from '../cli/run';
import { startKiosk } from './kiosk';

// `Inleverpunt --cli <command>` is the installed app's command line for IT partners: the same
// commands as `npm run cli`, without enabling Electron's run-as-Node fuse.
const cliAt = process.argv.indexOf('--cli');
if (cliAt !== -1) {
  process.env.INLEVERPUNT_DB ??= `${app.getPath('userData')}/inleverpunt.db`;
  void runCli(process.argv.slice(cliAt + 1), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
  }).then((code) => app.exit(code));
} else {
  startKiosk();
}
