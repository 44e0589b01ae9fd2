// @ts-check
// What `npm start` says when it cannot start Electron: one message, Dutch then English, with
// what failed and what to do. Never a stack trace.

/** @param {string} version */
export function downloading(version) {
  return (
    `Electron ${version} wordt eenmalig gedownload (ongeveer 100 MB)…\n` +
    `Downloading Electron ${version} once (about 100 MB)…\n`
  );
}

export function notInstalled() {
  return (
    'Electron is niet geïnstalleerd. Voer eerst uit: npm install\n' +
    'Electron is not installed. Run first: npm install\n'
  );
}

/** @param {string} executable */
export function execPathMissing(executable) {
  return (
    `ELECTRON_EXEC_PATH wijst naar ${executable}, maar dat bestand bestaat niet. Verbeter of verwijder ELECTRON_EXEC_PATH.\n` +
    `ELECTRON_EXEC_PATH points at ${executable}, but that file does not exist. Correct or remove ELECTRON_EXEC_PATH.\n`
  );
}

export function skipped() {
  return (
    'Het Electron-programma ontbreekt, en ELECTRON_SKIP_BINARY_DOWNLOAD is gezet, dus het wordt niet gedownload.\n' +
    '  Haal die variabele weg (sh: unset ELECTRON_SKIP_BINARY_DOWNLOAD, PowerShell: Remove-Item Env:ELECTRON_SKIP_BINARY_DOWNLOAD)\n' +
    '  en voer opnieuw uit: npm start. Electron wordt dan eenmalig gedownload.\n' +
    '\n' +
    'The Electron binary is missing, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded.\n' +
    '  Remove that variable (sh: unset ELECTRON_SKIP_BINARY_DOWNLOAD, PowerShell: Remove-Item Env:ELECTRON_SKIP_BINARY_DOWNLOAD)\n' +
    '  and run again: npm start. Electron is then downloaded once.\n'
  );
}

/**
 * @param {{ version: string, source: string, detail: string }} failure
 */
export function downloadFailed({ version, source, detail }) {
  return (
    `Electron ${version} kon niet worden gedownload van ${source} (${detail}).\n` +
    '  npm start en npm run dev hebben het Electron-programma nodig; npm install haalt het niet op,\n' +
    '  het wordt bij de eerste start eenmalig gedownload. Los een van deze op en voer opnieuw uit: npm start\n' +
    '  - Geen internet: zorg dat deze pc github.com kan bereiken.\n' +
    '  - Achter een proxy: zet HTTPS_PROXY, bijvoorbeeld HTTPS_PROXY=http://proxy.school.nl:8080\n' +
    '  - Een eigen spiegelserver: zet ELECTRON_MIRROR=https://…/ (en ELECTRON_CUSTOM_DIR={{ version }}\n' +
    '    als de mappen daar anders heten dan bij GitHub).\n' +
    '  - Helemaal zonder internet: kopieer de Electron-cache van een pc waar de download wel lukte\n' +
    '    (Windows %LOCALAPPDATA%\\electron\\Cache, Linux ~/.cache/electron) en wijs die aan met\n' +
    '    electron_config_cache=<map>.\n' +
    '\n' +
    `Electron ${version} could not be downloaded from ${source} (${detail}).\n` +
    '  npm start and npm run dev need the Electron binary; npm install does not fetch it,\n' +
    '  it is downloaded once at the first start. Fix one of these and run again: npm start\n' +
    '  - No internet: make sure this PC can reach github.com.\n' +
    '  - Behind a proxy: set HTTPS_PROXY, for example HTTPS_PROXY=http://proxy.school.example:8080\n' +
    '  - Your own mirror: set ELECTRON_MIRROR=https://…/ (and ELECTRON_CUSTOM_DIR={{ version }}\n' +
    '    if its folders are named differently from GitHub).\n' +
    '  - No internet at all: copy the Electron cache from a PC where the download worked\n' +
    '    (Windows %LOCALAPPDATA%\\electron\\Cache, Linux ~/.cache/electron) and point\n' +
    '    electron_config_cache=<folder> at it.\n'
  );
}
