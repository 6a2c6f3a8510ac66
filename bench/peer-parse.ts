/** The peer: whatsapp-chat-parser's parseString on a whole file (parse only), in its own process. */
import { readFileSync } from 'node:fs';
import { parseString } from 'whatsapp-chat-parser';

const file = process.argv[2];
if (!file) throw new Error('usage: peer-parse FILE');
const messages = parseString(readFileSync(file, 'utf8'));
process.stdout.write(`${messages.length}\n`);
