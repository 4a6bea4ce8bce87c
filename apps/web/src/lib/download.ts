/** Saves a Blob as a file (an anchor with `download`; the blob URL is revoked afterwards). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A Blob as a data: URL (the CSP allows images from 'self' and data:, not blob:). */
export const dataUrlOf = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(blob);
  });

export const saveJson = (value: unknown, filename: string): void =>
  saveBlob(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), filename);
