import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import { join } from 'node:path';
import type { SaveFileRequest } from '../core/api/shellActions';

const FILTERS: Record<SaveFileRequest['extension'], FileFilter> = {
  csv: { name: 'CSV (Excel)', extensions: ['csv'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/**
 * The operating system's save dialog, opened by the main process for a file the core writes
 * itself: the screen never names a path, so a compromised page cannot write anywhere. Starts in
 * the user's Documents folder with the suggested name.
 */
export async function chooseSaveFile(window: BrowserWindow | null, request: SaveFileRequest): Promise<string | null> {
  const options = { defaultPath: join(app.getPath('documents'), request.fileName), filters: [FILTERS[request.extension]] };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
