/**
 * Hands a file from the core to the user: a blob link with a file name, clicked. In Electron that
 * opens the save dialog (the session's default download behaviour); in a browser it downloads.
 */
export function downloadFile(fileName: string, base64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Late enough for the download to have taken the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadPdf(fileName: string, base64: string): void {
  downloadFile(fileName, base64, 'application/pdf');
}
