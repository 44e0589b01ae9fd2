#!/usr/bin/env node
// Runs before every npm script that starts our code. On an older Node the dependencies do not
// fail cleanly (a SyntaxError from @zxing/library on Node 22, a SIGSEGV in better-sqlite3 on
// Node 20), so this says what to install instead. Written in plain ES5-era JavaScript so that
// even Node 16 parses it; silent on success, because `npm run -s cli -- … --json` must print
// clean JSON.
'use strict';

var REQUIRED_MAJOR = 24;

/** "v24.1.0" or "24.1.0" -> [24, 1, 0]; anything unreadable -> null. */
function parseVersion(text) {
  var match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(text));
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function isSupported(version) {
  var parsed = parseVersion(version);
  return parsed !== null && parsed[0] >= REQUIRED_MAJOR;
}

function unsupportedMessage(version, platform) {
  var linux = platform === 'linux';
  var lines = [
    'Inleverpunt heeft Node.js ' + REQUIRED_MAJOR + ' of nieuwer nodig; deze Node is ' + version + '.',
    '  Installeer Node.js ' + REQUIRED_MAJOR + ' LTS van https://nodejs.org en voer daarna opnieuw uit: npm install',
  ];
  if (linux) lines.push('  Op Linux kan het ook zo, in deze terminal:  . scripts/node24.sh');
  lines.push(
    '',
    'Inleverpunt needs Node.js ' + REQUIRED_MAJOR + ' or newer; this Node is ' + version + '.',
    '  Install Node.js ' + REQUIRED_MAJOR + ' LTS from https://nodejs.org, then run again: npm install'
  );
  if (linux) lines.push('  On Linux you can also run, in this terminal:  . scripts/node24.sh');
  return lines.join('\n') + '\n';
}

module.exports = {
  REQUIRED_MAJOR: REQUIRED_MAJOR,
  parseVersion: parseVersion,
  isSupported: isSupported,
  unsupportedMessage: unsupportedMessage,
};

if (require.main === module && !isSupported(process.version)) {
  process.stderr.write(unsupportedMessage(process.version, process.platform));
  process.exitCode = 1;
}
