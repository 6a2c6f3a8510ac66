/**
 * The SAX side of the UFDR reader: which report.xml elements become model frames, fields and
 * jump targets, kept apart from the mapping of those frames to messages (ufdr.ts) so each reads on
 * its own. One `ReportSax` per pass holds the element stack and the open models.
 */
import type { SaxesParser, SaxesTagPlain } from 'saxes';
import type { EvidenceError } from '../../domain/errors.js';
import type { TaggedFileCollector } from './ufdr-files.js';

/** A single field value longer than this is refused (a WhatsApp message is at most 65,536 chars). */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;
const MAX_DEPTH = 256;

export interface ModelFrame {
  readonly type: string;
  readonly id: string;
  readonly deletedState: string | null;
  readonly line: number;
  readonly fields: Map<string, string[]>;
  readonly children: Map<string, ModelFrame[]>;
  /** Ids of the tagged files its `<jumptargets>` name (`ismodel="false"`): its files in the UFDR. */
  readonly targets: string[];
  /** The modelField / multiModelField this model sits in, if any. */
  readonly inField: string | null;
}

type Element =
  | { kind: 'model'; frame: ModelFrame; skip: boolean }
  | { kind: 'field'; name: string; values: string[] }
  | { kind: 'modelField'; name: string }
  | { kind: 'value' }
  | { kind: 'modelType'; type: string }
  | { kind: 'tagged'; name: string }
  | { kind: 'target'; isModel: boolean }
  | { kind: 'other' };

type Fail = (problem: string, line?: number, code?: string) => EvidenceError;
type Attr = (k: string) => string | null;

export interface ReportSaxHooks {
  /** Leave InstantMessage models unbuilt (the first pass needs only chats and participants). */
  readonly skipMessages: boolean;
  readonly tagged: TaggedFileCollector;
  readonly fail: Fail;
  readonly onMessage: (chat: ModelFrame, message: ModelFrame) => void;
  readonly onChat: (chat: ModelFrame) => void;
  /** An InstantMessage model outside any Chat (second pass): counted, not read. */
  readonly onStray: (id: string) => void;
}

/**
 * Refuse what a Cellebrite report never holds and could hurt: a DOCTYPE (a DTD can declare
 * entities that expand without bound), an encoding other than UTF-8, XML that is not well formed.
 */
export function guardReportParser(parser: SaxesParser, fail: Fail): void {
  const line = () => parser.line;
  parser.on('error', (err) => {
    throw fail(
      `not well-formed XML (${err.message.replace(/^(?:.*?:)?\d+:\d+: /, '')})`,
      line(),
      'malformed_xml',
    );
  });
  parser.on('doctype', () => {
    throw fail(
      'declares a DOCTYPE: refused (a DTD can declare entities that expand without bound; Cellebrite reports have none)',
      line(),
      'xml_doctype',
    );
  });
  parser.on('xmldecl', (decl) => {
    if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) {
      throw fail(`declares encoding ${decl.encoding}; only UTF-8 is read`, line(), 'encoding');
    }
  });
}

/** The element stack of one pass over report.xml, fed by a saxes parser's events. */
export class ReportSax {
  private readonly stack: Element[] = [];
  private readonly models: ModelFrame[] = [];
  private chatTypeDepth = 0;
  private skipDepth = 0;
  private text: string[] | null = null;
  private textLen = 0;

  constructor(
    private readonly parser: SaxesParser,
    private readonly hooks: ReportSaxHooks,
  ) {
    const onText = (t: string) => this.onText(t);
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('opentag', (tag) => this.onOpen(tag));
    parser.on('closetag', () => this.onClose());
  }

  private line(): number {
    return this.parser.line;
  }

  private tooLong(): EvidenceError {
    return this.hooks.fail(`a value longer than ${MAX_VALUE_CHARS} characters`, this.line(), 'xml_limit');
  }

  private onText(t: string): void {
    const { tagged } = this.hooks;
    if (tagged.active) {
      if (tagged.onText(t) > MAX_VALUE_CHARS) throw this.tooLong();
      return;
    }
    if (this.text === null) return;
    this.textLen += t.length;
    if (this.textLen > MAX_VALUE_CHARS) throw this.tooLong();
    this.text.push(t);
  }

  private startText(): void {
    this.text = [];
    this.textLen = 0;
  }

  private takeText(): string {
    const s = (this.text ?? []).join('');
    this.text = null;
    return s;
  }

  private onOpen(tag: SaxesTagPlain): void {
    const { skipMessages } = this.hooks;
    if (this.stack.length >= MAX_DEPTH)
      throw this.hooks.fail(`elements nest deeper than ${MAX_DEPTH}`, this.line(), 'xml_limit');
    const name = tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name;
    const attr: Attr = (k) => {
      const v = tag.attributes[k];
      return typeof v === 'string' ? v : null;
    };
    if (
      skipMessages &&
      this.skipDepth === 0 &&
      this.chatTypeDepth === 0 &&
      this.hooks.tagged.open(name, attr)
    ) {
      this.stack.push({ kind: 'tagged', name });
      return;
    }
    if (this.skipDepth > 0 || (this.chatTypeDepth === 0 && name !== 'modelType')) {
      if (this.skipDepth > 0) this.skipDepth++;
      else if (!skipMessages && name === 'model' && attr('type') === 'InstantMessage')
        this.hooks.onStray(attr('id') ?? `line ${this.line()}`);
      this.stack.push({ kind: 'other' });
      return;
    }
    this.stack.push(this.openInChat(name, attr));
  }

  /** An element inside a Chat modelType: what it is decides what its close will do. */
  private openInChat(name: string, attr: Attr): Element {
    const parent = this.stack[this.stack.length - 1];
    switch (name) {
      case 'modelType': {
        const type = attr('type') ?? '';
        if (type === 'Chat') this.chatTypeDepth++;
        return { kind: 'modelType', type };
      }
      case 'model':
        return this.openModel(attr, parent?.kind === 'modelField' ? parent.name : null);
      case 'field':
      case 'multiField':
        return { kind: 'field', name: attr('name') ?? '', values: [] };
      case 'modelField':
      case 'multiModelField':
        return { kind: 'modelField', name: attr('name') ?? '' };
      case 'targetid':
        this.startText();
        return { kind: 'target', isModel: /^true$/i.test(attr('ismodel') ?? '') };
      case 'value':
        if (parent?.kind !== 'field') return { kind: 'other' };
        this.startText();
        return { kind: 'value' };
      default:
        return { kind: 'other' };
    }
  }

  private openModel(attr: Attr, inField: string | null): Element {
    const frame: ModelFrame = {
      type: attr('type') ?? '',
      id: attr('id') ?? '',
      deletedState: attr('deleted_state'),
      line: this.line(),
      fields: new Map(),
      children: new Map(),
      targets: [],
      inField,
    };
    const owner = this.models[this.models.length - 1];
    if (this.hooks.skipMessages && frame.type === 'InstantMessage' && owner?.type === 'Chat') {
      this.skipDepth = 1;
      return { kind: 'other' };
    }
    this.models.push(frame);
    return { kind: 'model', frame, skip: false };
  }

  private onClose(): void {
    const el = this.stack.pop();
    if (!el) return;
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    const top = this.stack[this.stack.length - 1];
    const model = this.models[this.models.length - 1];
    switch (el.kind) {
      case 'modelType':
        if (el.type === 'Chat') this.chatTypeDepth--;
        break;
      case 'value': {
        const value = this.takeText();
        if (top?.kind === 'field') top.values.push(value);
        break;
      }
      case 'tagged':
        this.hooks.tagged.close(el.name);
        break;
      case 'target': {
        const id = this.takeText().trim();
        if (!el.isModel && id !== '') model?.targets.push(id);
        break;
      }
      case 'field':
        if (model) {
          const had = model.fields.get(el.name);
          if (had) had.push(...el.values);
          else model.fields.set(el.name, el.values);
        }
        break;
      case 'model':
        this.closeModel(el.frame);
        break;
      default:
        break;
    }
  }

  /** A finished model goes to its hook (a message of a chat, a chat) or into its owner's children. */
  private closeModel(frame: ModelFrame): void {
    this.models.pop();
    const owner = this.models[this.models.length - 1];
    if (frame.type === 'InstantMessage' && owner?.type === 'Chat') this.hooks.onMessage(owner, frame);
    else if (frame.type === 'Chat') this.hooks.onChat(frame);
    else if (owner && frame.inField !== null) {
      const list = owner.children.get(frame.inField);
      if (list) list.push(frame);
      else owner.children.set(frame.inField, [frame]);
    }
  }
}
