/**
 * Cellebrite's `<taggedFiles>` in a UFDR's report.xml (issue 17): each `<file id="…">` the report
 * knows, with the `Local Path` Cellebrite gave it inside the UFDR (`files\Image\x.jpg`) and the
 * SHA-256 it recorded. An attachment's `<jumptargets>` name these files by id, so a message is
 * linked to the one file at that exact path, not to whichever file shares its name. Read on the
 * first pass over report.xml (ufdr.ts), from the same SAX events; only these two values are kept
 * per file, so a whole phone's tens of thousands of tagged files stay small.
 */

export interface TaggedFile {
  /** The file's path inside the UFDR zip (`Local Path`, with `/` for `\`), or null where none is given. */
  readonly localPath: string | null;
  /** The SHA-256 Cellebrite recorded (lower-case hex), or null. */
  readonly sha256: string | null;
}

/** `files\Image\x.jpg`, `.\files/Image/x.jpg` → `files/Image/x.jpg`; null for nothing usable. */
export function ufdrPath(local: string | null): string | null {
  if (local === null) return null;
  const p = local
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.?\/)+/, '');
  return p === '' ? null : p;
}

function hexSha256(v: string | null): string | null {
  const s = v?.trim().toLowerCase() ?? '';
  return /^[0-9a-f]{64}$/.test(s) ? s : null;
}

/**
 * Collects the tagged files while the SAX parser is inside `<taggedFiles>`. `open` and `close`
 * say whether they took the element (so the caller keeps it out of its own model frames).
 */
export class TaggedFileCollector {
  readonly files = new Map<string, TaggedFile>();
  private depth = 0;
  private file: { id: string; local: string | null; sha: string | null } | null = null;
  private item: string | null = null;
  private text: string[] = [];
  private length = 0;

  get active(): boolean {
    return this.depth > 0;
  }

  open(name: string, attr: (k: string) => string | null): boolean {
    if (this.depth === 0) {
      if (name !== 'taggedFiles') return false;
      this.depth = 1;
      return true;
    }
    this.depth++;
    if (name === 'file' && this.depth === 2) {
      const id = attr('id');
      this.file = id === null ? null : { id, local: null, sha: null };
    } else if (name === 'item' && this.file !== null) {
      this.item = attr('name');
      this.text = [];
      this.length = 0;
    }
    return true;
  }

  /** Text inside `<taggedFiles>`: kept only for the metadata item being read; returns its length so far. */
  onText(t: string): number {
    if (this.item === null) return 0;
    this.text.push(t);
    this.length += t.length;
    return this.length;
  }

  close(name: string): void {
    this.depth--;
    if (name === 'item' && this.item !== null && this.file !== null) {
      const value = this.text.join('');
      if (this.item === 'Local Path') this.file.local = value;
      else if (this.item === 'SHA256') this.file.sha = value;
      this.item = null;
    } else if (name === 'file' && this.depth === 1 && this.file !== null) {
      this.files.set(this.file.id, {
        localPath: ufdrPath(this.file.local),
        sha256: hexSha256(this.file.sha),
      });
      this.file = null;
    }
  }
}

/** The attachment's file as the report ties it: what the message's raw record carries for the linker. */
export interface AttachmentFile {
  readonly path: string;
  readonly sha256: string | null;
  /** How the report tied them: the tagged file's id, or the attachment's own field. */
  readonly via: string;
}

/**
 * The file an attachment is, by the report's own ties, never by name alone: the attachment's own
 * jump targets, else its message's (where the message has this one attachment, or exactly one of
 * its targets' paths ends in the attachment's file name); else a path field on the attachment
 * itself. null where the report ties it to no tagged file with a path (the caller falls back to
 * the file name and says so).
 */
export function attachmentFile(
  files: ReadonlyMap<string, TaggedFile>,
  a: { filename: string | null; targets: readonly string[]; pathField: string | null },
  message: { targets: readonly string[]; attachments: number },
): AttachmentFile | null {
  const withPath = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const f = files.get(id);
      return f && f.localPath !== null ? [{ id, path: f.localPath, sha256: f.sha256 }] : [];
    });
  const own = withPath(a.targets);
  let candidates = own.length > 0 ? own : withPath(message.targets);
  // Several files, or a message's files shared by several attachments: the one whose name it is.
  if (candidates.length > 1 || (own.length === 0 && message.attachments > 1)) {
    const name = a.filename?.toLowerCase() ?? null;
    candidates = candidates.filter((c) => name !== null && c.path.toLowerCase().split('/').pop() === name);
  }
  if (candidates.length === 1) {
    const c = candidates[0]!;
    return { path: c.path, sha256: c.sha256, via: `tagged file ${c.id}` };
  }
  const field = ufdrPath(a.pathField);
  return field === null ? null : { path: field, sha256: null, via: "the attachment's path field" };
}
