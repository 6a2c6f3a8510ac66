import type { DateOrder, ExportImportReport } from '../../domain/import-report.js';
import type { ParsedMessage } from '../../domain/message.js';

export interface ExportParseOptions {
  /** IANA zone the export's wall-clock times are read in (default Europe/London at the CLI). */
  readonly zone: string;
  /** `auto` decides from evidence in the file and refuses when the file cannot decide. */
  readonly dateOrder: 'auto' | DateOrder;
  /** Named in every error and notice. */
  readonly fileName: string;
  /** The chat's name where the container tells it (e.g. "WhatsApp Chat with Night Shift.txt"). */
  readonly conversationName?: string | null;
  /**
   * Read headers of the export's own variants with their fast readers (fast-header.ts), the default.
   * false reads every line with the general matcher alone: the tests compare the two.
   */
  readonly fastHeaders?: boolean;
}

export interface ExportParseResult {
  readonly messages: ParsedMessage[];
  readonly report: ExportImportReport;
  readonly conversationName: string | null;
}
