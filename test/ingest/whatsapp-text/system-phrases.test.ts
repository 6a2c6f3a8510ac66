/**
 * The phrase tables (src/ingest/whatsapp-text/system-phrases/*.ts): every phrase reads back as its
 * event, and hand-written export lines in each language WhatsApp ships (wording from
 * whatsapp-strings.md) are system lines with the right event, never a participant's message.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../src/domain/message.js';
import { readBody } from '../../../src/ingest/whatsapp-text/body.js';
import { parseExport } from '../../../src/ingest/whatsapp-text/parse-export.js';
import { matchSystemPhrase, PHRASE_TABLES } from '../../../src/ingest/whatsapp-text/system-phrases/index.js';

const SAMPLE = {
  actor: 'Ana Lima',
  targets: 'Bo Chen',
  value: 'Night Shift',
  old: 'Day Shift',
  number: '+44 7700 900123',
  file: 'IMG-20220318-WA0001.jpg',
} as const;

function instantiate(template: string): string {
  return template.replace(/…$/, '').replace(/\{(\w+)\}/g, (_, k: keyof typeof SAMPLE) => SAMPLE[k]);
}

describe('phrase tables', () => {
  it('cover at least the twenty languages the issue names', () => {
    const langs = PHRASE_TABLES.map((t) => t.lang);
    for (const l of [
      'en',
      'de',
      'fr',
      'es',
      'pt-PT',
      'pt-BR',
      'it',
      'nl',
      'id',
      'tr',
      'ru',
      'pl',
      'ro',
      'ar',
      'hi',
      'ur',
      'bn',
      'vi',
      'zh',
      'ja',
    ])
      expect(langs).toContain(l);
  });

  describe.each(PHRASE_TABLES.map((t) => [t.lang, t] as const))('%s', (_lang, table) => {
    it('reads every event phrase back as its event, with its actor', () => {
      for (const [type, template, fixed] of table.events) {
        const text = instantiate(template);
        // A final full stop is ignored after words; after a name it may be part of the name.
        const ev = matchSystemPhrase(/\}…?$/.test(template) ? `\u200E${text}` : `\u200E${text}.`);
        expect(ev?.type, `${table.lang}: ${template}`).toBe(type);
        // Two names side by side ("{actor} {targets} কে …", bn) cannot be told apart where names hold spaces.
        if (/\} \{/.test(template)) continue;
        if (fixed?.actor) expect(ev?.actor).toBe('You');
        else if (template.includes('{actor}')) expect(ev?.actor, template).toBe(SAMPLE.actor);
        if (fixed?.targets) expect(ev?.targets).toEqual(['You']);
        else if (template.includes('{targets}')) expect(ev?.targets, template).toEqual([SAMPLE.targets]);
      }
    });

    it('reads the encryption notice prefixes', () => {
      for (const p of table.encryption) expect(matchSystemPhrase(`${p} …`)?.type).toBe('encryption_notice');
    });

    it('reads deleted and media placeholders as such, and attached markers with their file', () => {
      for (const d of [...table.deleted, ...table.youDeleted])
        expect(readBody(`\u200E${d}`).kind, d).toBe('deleted');
      for (const m of [...table.mediaOmitted, ...table.iosOmitted]) {
        const r = readBody(`\u200E${m}`);
        expect(r.kind, m).toBe('media');
        expect(r.media?.omitted).toBe(true);
      }
      for (const a of table.attached) {
        const r = readBody(instantiate(a));
        expect(r.media?.fileName, a).toBe(SAMPLE.file);
      }
      for (const e of table.edited) {
        const r = readBody(`see you at 9 ${e}`);
        expect(r.edited, e).toBe(true);
        expect(r.kind).toBe('text');
      }
    });
  });
});

function parse(lines: readonly string[], conversationName?: string): ParsedMessage[] {
  return parseExport(new TextEncoder().encode(lines.join('\n')), {
    zone: 'UTC',
    dateOrder: 'dmy',
    fileName: 'lang.txt',
    conversationName: conversationName ?? null,
  }).messages;
}

/** [language, Android system text (no author), expected type, actor, targets]: typed from whatsapp-strings.md. */
const ANDROID: ReadonlyArray<readonly [string, string, string, string | null, readonly string[]]> = [
  ['de', 'Ana hat die Gruppe „Nachtschicht“ erstellt.', 'created', 'Ana', []],
  ['de', 'Ana hat Bo hinzugefügt.', 'added', 'Ana', ['Bo']],
  ['de', 'Bo hat die Gruppe verlassen.', 'left', 'Bo', ['Bo']],
  ['fr', 'Ana a ajouté Bo', 'added', 'Ana', ['Bo']],
  ['fr', 'Ana a retiré Bo', 'removed', 'Ana', ['Bo']],
  ['es', 'Ana añadió a Bo y Cy', 'added', 'Ana', ['Bo', 'Cy']],
  ['es', 'Bo salió del grupo', 'left', 'Bo', ['Bo']],
  ['pt-BR', 'Ana adicionou Bo', 'added', 'Ana', ['Bo']],
  ['pt-BR', 'Bo saiu', 'left', 'Bo', ['Bo']],
  ['pt-PT', 'Bo saiu do grupo', 'left', 'Bo', ['Bo']],
  ['it', 'Ana ha creato il gruppo “Turno B”', 'created', 'Ana', []],
  ['it', 'Bo ha abbandonato', 'left', 'Bo', ['Bo']],
  ['nl', 'Ana heeft Bo verwijderd', 'removed', 'Ana', ['Bo']],
  ['id', 'Ana telah menambahkan Bo', 'added', 'Ana', ['Bo']],
  ['tr', 'Ana, Bo kişisini ekledi', 'added', 'Ana', ['Bo']],
  ['ru', 'Ана добавил(-а) Бо', 'added', 'Ана', ['Бо']],
  ['ru', 'Бо покинул(-а) группу', 'left', 'Бо', ['Бо']],
  ['pl', 'Bo opuścił(a) grupę', 'left', 'Bo', ['Bo']],
  ['ro', 'Ana a creat grupul „Tura B”', 'created', 'Ana', []],
  ['ar', 'غادر بو المجموعة', 'left', 'بو', ['بو']],
  ['ar', 'أنا أضاف بو', 'added', 'أنا', ['بو']],
  ['hi', 'राम ने श्याम को जोड़ा', 'added', 'राम', ['श्याम']],
  ['ur', 'علی نے گروپ "رات" بنایا', 'created', 'علی', []],
  ['bn', 'রাম বেরিয়ে এসেছেন', 'left', 'রাম', ['রাম']],
  ['vi', 'An đã thêm Bình', 'added', 'An', ['Bình']],
  ['vi', 'Bình đã rời nhóm', 'left', 'Bình', ['Bình']],
  ['zh', '小明 添加了 小红', 'added', '小明', ['小红']],
  ['zh', '小红 退出了', 'left', '小红', ['小红']],
  ['ja', '太郎が花子を追加しました', 'added', '太郎', ['花子']],
  ['ja', '花子が退出しました', 'left', '花子', ['花子']],
  ['en', 'You changed this group\u2019s icon', 'icon_changed', 'You', []],
  ['en', 'Ana\u2019s security code changed. Tap for more info.', 'security_code_changed', 'Ana', []],
  [
    'en',
    'Ana turned on disappearing messages. New messages will disappear from this chat 7 days after they\u2019re sent.',
    'disappearing_messages',
    'Ana',
    [],
  ],
  ['en', 'Ana added this group to the community "Borough"', 'community', 'Ana', []],
];

describe('Android system lines in each language', () => {
  it.each(ANDROID)('%s: %s', (_lang, text, type, actor, targets) => {
    const [m] = parse([`18/03/2022, 14:56 - \u200E${text}`]);
    expect(m?.sender).toBeNull();
    expect(m?.kind).toBe('system');
    expect(m?.text).toBe(`\u200E${text}`);
    expect(m?.system?.type).toBe(type);
    expect(m?.system?.actor).toBe(actor);
    expect(m?.system?.targets).toEqual(targets);
  });
});

describe('iOS system lines written under the group or contact name', () => {
  const lines: ReadonlyArray<readonly [string, string, string]> = [
    ['de', 'Nachtschicht: \u200EAna hat dich hinzugefügt.', 'added'],
    ['fr', 'Équipe: \u200EBo est parti·e', 'left'],
    ['es', 'Turno: \u200EAna te añadió.', 'added'],
    ['pt-BR', 'Plantão: \u200EAna adicionou você', 'added'],
    ['ru', 'Смена: \u200EВы покинули группу', 'left'],
    ['ar', 'المناوبة: \u200FأضافتكT جهة الاتصال علي'.replace('T', ''), 'added'],
    ['tr', 'Vardiya: \u200EAna sizi ekledi', 'added'],
    ['zh', '夜班: \u200E您已退出群组', 'left'],
    ['ja', '夜勤: \u200E太郎があなたを追加しました', 'added'],
    [
      'en',
      'Hana: \u200EMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
      'encryption_notice',
    ],
  ];
  it.each(lines)('%s: %s', (_lang, rest, type) => {
    const [m] = parse([`[18/03/2022, 14:56:00] ${rest}`]);
    const author = rest.slice(0, rest.indexOf(': '));
    expect(m?.sender).toBeNull();
    expect(m?.displayedAuthor).toBe(author);
    expect(m?.kind).toBe('system');
    expect(m?.system?.type).toBe(type);
  });

  it('a marked line no table knows stays a system line and is listed in the import report', () => {
    const result = parseExport(
      new TextEncoder().encode(
        [
          '[18/03/2022, 14:56:00] Ana: hi',
          '[18/03/2022, 14:57:00] Nachtschicht: \u200EAna hat eine Umfrage angeheftet.',
        ].join('\n'),
      ),
      { zone: 'UTC', dateOrder: 'dmy', fileName: 'x.txt' },
    );
    const m = result.messages[1]!;
    expect(m.sender).toBeNull();
    expect(m.displayedAuthor).toBe('Nachtschicht');
    expect(m.system?.type).toBe('other');
    const notice = result.report.notices.find((n) => n.code === 'unknown_system_text');
    expect(notice?.line).toBe(2);
    expect(notice?.message).toContain('angeheftet');
  });

  it('a caller’s marked missed call stays the caller’s message', () => {
    const [m] = parse(['[18/03/2022, 14:56:00] Ana: \u200EVerpasster Sprachanruf']);
    expect(m?.sender).toBe('Ana');
    expect(m?.kind).toBe('text');
  });
});

describe('people’s messages with localised markers', () => {
  it.each([
    ['<Medien ausgeschlossen>', 'media'],
    ['<Arquivo de mídia oculto>', 'media'],
    ['<Без медиафайлов>', 'media'],
    ['<省略媒体文件>', 'media'],
    ['\u200Eimagen omitida', 'media'],
    ['\u200E画像は含まれていません', 'media'],
    ['Diese Nachricht wurde gelöscht.', 'deleted'],
    ['\u200ESe eliminó este mensaje.', 'deleted'],
    ['تم حذف هذه الرسالة', 'deleted'],
    ['Bạn đã xóa tin nhắn này', 'deleted'],
    ['standort: https://maps.google.com/?q=52.5,13.4', 'location'],
  ])('%s is %s', (body, kind) => {
    const [m] = parse([`18/03/2022, 14:56 - Ana: ${body}`]);
    expect(m?.sender).toBe('Ana');
    expect(m?.kind).toBe(kind);
    expect(m?.text).toBe(body);
  });
});
