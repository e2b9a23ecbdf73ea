// Blanks out spans no rule should look inside — URLs, e-mail addresses,
// domains, file names, HTML entities, inline code — so `example.com/A.Html` or
// `a@b.cn` never read as a missing space or a glued word. The mask keeps
// every offset: each masked UTF-16 unit becomes one MASK character.

/** A private-use character: no rule's pattern matches it, so it reads as "not text". */
export const MASK = '\uE000';

// Lowercase-only TLDs: `Shanghai.It` or `city.In` must stay visible to the
// missing-space rule, and two-letter TLDs that are English words are left out.
const TLD = '(?:com|org|net|gov|edu|mil|int|info|biz|app|dev|io|ai|tv|cc|eu|cn|hk|mo|tw|jp|kr|sg|uk|de|fr|ru)';
const FILE_EXT = '(?:txt|md|pdf|docx?|xlsx?|pptx?|csv|tsv|json|xml|html?|jpe?g|png|gif|svg|webp|zip|rar|7z|gz|tar|exe|dmg|js|ts|py|mp3|mp4|wav|avi|mov)';

/** `(?:txt|md)` → `(?:Txt|Md)`. */
function titleCase(alternatives: string): string {
  return alternatives.replace(/(?<=[:|])[a-z0-9]/g, (c) => c.toUpperCase());
}

const SPANS = new RegExp(
  [
    // URLs, with trailing sentence punctuation left out below.
    String.raw`\b(?:https?|ftp|file):\/\/[^\s<>"“”]+`,
    String.raw`\bwww\.[^\s<>"“”]+`,
    String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`,
    String.raw`(?<![\w@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+${TLD}(?![\w-])`,
    // File extensions in lower, upper or title case (`notes.Pdf`): none is a word that starts a sentence.
    // A name may hold wildcards: `report_202?.csv`, `data_*.json`.
    String.raw`(?<![\w.@*?-])[\w*?-]+(?:\.[\w*?-]+)*\.(?:${FILE_EXT}|${FILE_EXT.toUpperCase()}|${titleCase(FILE_EXT)})(?![\w-])`,
    String.raw`&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);`,
  ].join('|'),
  'g',
);

// Every span above holds a `.`, `@` or `&` followed by a non-space, and
// one of these: a cheap test that keeps `U.S.`, `3.5` and `city.We` out.
const ANCHOR = /[.@&](?=\S)/g;
const MAYBE_SPAN = /\.(?:[a-z]{2}|[A-Z][A-Za-z]|7z)|@|&|:\/\//;

// Inline code (`fs.Stats`, `a( b )`) is code, not prose.
const INLINE_CODE = /`[^`]+`/g;

/** `line` with URLs, e-mail addresses, domains, file names, entities and inline code replaced by MASK. */
export function maskLine(text: string): string {
  const line = text.includes('`') ? text.replace(INLINE_CODE, (code) => MASK.repeat(code.length)) : text;
  let out = '';
  let copied = 0;
  let scanned = 0;
  // Only the whitespace-delimited tokens around an anchor can hold a span,
  // so the expensive pattern runs on a few short tokens, not on every line.
  for (const a of line.matchAll(ANCHOR)) {
    if (a.index < scanned) continue;
    let from = a.index;
    while (from > 0 && !isSpace(line.charCodeAt(from - 1))) from--;
    scanned = a.index + 1;
    while (scanned < line.length && !isSpace(line.charCodeAt(scanned))) scanned++;
    const token = line.slice(from, scanned);
    if (!MAYBE_SPAN.test(token)) continue;
    const masked = token.replace(SPANS, (span) => {
      // An entity's `;` is its own; anything else's trailing punctuation is the sentence's.
      const kept = span.startsWith('&') ? span : withoutTrailingPunctuation(span);
      return MASK.repeat(kept.length) + span.slice(kept.length);
    });
    if (masked !== token) {
      out += line.slice(copied, from) + masked;
      copied = scanned;
    }
  }
  return copied === 0 ? line : out + line.slice(copied);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000;
}

// `see https://x.cn/a.` ends the sentence, not the URL; a closing bracket
// belongs to the URL only when the URL opened one (`/wiki/Foo_(bar)`).
function withoutTrailingPunctuation(span: string): string {
  // With no path, a URL is a host: `www.example.com.cn.The site` and
  // `www.example.gov.cn;(3) this` go on with the next sentence or clause.
  const host = /^(?:[a-z]+:\/\/|www\.)[^/]*$/.test(span) ? /^(?:[a-z]+:\/\/)?[\w.:@-]*?(?=\.[A-Z][a-z]+$|[^\w.:@-]|$)/.exec(span)![0] : span;
  let end = host.length;
  for (;;) {
    const c = span[end - 1];
    if (c === undefined) break;
    if (".,;:!?'’]".includes(c)) end--;
    else if (c === ')' && count(span, '(', end) < count(span, ')', end)) end--;
    else break;
  }
  return span.slice(0, end);
}

function count(text: string, char: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text[i] === char) n++;
  return n;
}
