/**
 * Text read from a stored image (issue 17), as the API publishes it: derived data kept beside the
 * message, never replacing its text. Plain data with no imports, so the web app can import it.
 */
export interface MediaTextReading {
  readonly id: number;
  readonly text: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly language: string;
  /** Which reading pass gave this text (plain, or through a lettering mask). */
  readonly pass: string;
  /** The engine's mean word confidence, 0–100. */
  readonly confidence: number;
  /** SHA-256 of the bytes that were read. */
  readonly sha256: string;
  readonly error: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}
