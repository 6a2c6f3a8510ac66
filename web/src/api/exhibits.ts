/** POST /api/cases/:caseId/exhibits: the file as the body, with upload progress (XMLHttpRequest: fetch has none). */
import type { UploadQueryIn, UploadResponseT } from '@contract/exhibit-schemas';
import { ApiError, getCsrfToken, query } from './client';

// The contract's shapes (src/contract/exhibit-schemas.ts): the file's name is taken from the file.
export type ExhibitFields = Omit<UploadQueryIn, 'fileName'>;
export type UploadOutcome = UploadResponseT;

export function uploadExhibit(
  caseId: number,
  file: File,
  fields: ExhibitFields,
  onProgress: (sent: number, total: number) => void,
): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${caseId}/exhibits${query({ fileName: file.name, ...fields })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new Error('The upload failed (network).'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as UploadOutcome);
      const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? String(xhr.status), err?.message ?? xhr.statusText, data));
    };
    xhr.send(file);
  });
}
