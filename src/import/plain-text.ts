// Turns the HTML and entity leftovers of schedule exports into plain text for answers and the index.
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/** Elements that end a line of text; list items also get a bullet. */
const BLOCK_ELEMENTS = new Set([
  'p',
  'br',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'tr',
  'pre',
  'blockquote',
  'table',
]);
/** Elements whose content is never text a person reads. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'img', 'svg']);

/** HTML (already unescaped from its XML or JSON wrapper) to plain text, one line per block. */
export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipping++;
        else if (name === 'li') out.push('\n• ');
        else if (BLOCK_ELEMENTS.has(name)) out.push('\n');
      },
      ontext(text) {
        if (skipping === 0) out.push(text);
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipping = Math.max(0, skipping - 1);
        // The next item starts its own line, so a closing </li> adds none.
        else if (BLOCK_ELEMENTS.has(name) && name !== 'li') out.push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return tidy(out.join(''));
}

/** Entity leftovers such as `&nbsp;` in otherwise plain text, plus whitespace; the text is not read as HTML. */
export function cleanText(text: string): string {
  return tidy(text.includes('&') ? decodeHTML(text) : text);
}

function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
