/** Table types of migration 0018_media_text (text read from images, and its flags). */
import type { Generated } from 'kysely';

export interface MediaTextsTable {
  id: Generated<number>;
  case_id: number;
  exhibit_file_id: number;
  sha256: string;
  engine: string;
  engine_version: string;
  language: string;
  pass: string;
  confidence: number;
  text: string;
  search_text: string;
  words_json: string;
  error: string | null;
  ms: number;
  created_at: string;
  created_by: string;
}

export interface MediaTextsFtsTable {
  rowid: number;
  search_text: string;
}

export interface MediaTextFlagsTable {
  id: Generated<number>;
  run_id: number;
  case_id: number;
  media_text_id: number;
  message_id: number;
  score: number;
  flagged: number;
  categories_json: string;
  spans_json: string;
}

export interface MediaTables {
  media_texts: MediaTextsTable;
  media_texts_fts: MediaTextsFtsTable;
  media_text_flags: MediaTextFlagsTable;
}
