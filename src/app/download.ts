/** Offer text to the student as a file download (export, or a copy of damaged progress). */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The name an export of the progress gets: `gradient-trail-progress-2026-11-21.json`. */
export function exportFileName(now = new Date()): string {
  return `gradient-trail-progress-${now.toISOString().slice(0, 10)}.json`;
}
