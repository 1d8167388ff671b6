// Turns the bytes of an opened or dropped file into text, or refuses them: a picture or a PDF must
// never replace the user's article with thousands of control codes. Order: a byte order mark says
// the encoding; else strict UTF-8; else windows-1252 (what "Latin-1" files from Windows really are).

/** Bytes looked at to tell text from binary: enough for any header, cheap on a 30 MB file. */
const SNIFF_BYTES = 65_536;

/** More than this share of control bytes (beyond tab, line and page breaks) is not text. */
const MAX_CONTROL_SHARE = 0.01;

const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

/** The encoding named by a byte order mark at the start of `bytes`, or null. */
function bomEncoding(bytes) {
  for (const bom of BOMS) if (bom.bytes.every((b, i) => bytes[i] === b)) return bom.encoding;
  return null;
}

/**
 * True when the start of `bytes` looks like a binary file: control bytes other than tab, line feed,
 * vertical tab, form feed, carriage return and escape. A stray NUL in a long text is tolerated (a
 * CMS export can carry one); a PNG, PDF or ZIP has them every few bytes.
 */
export function looksBinary(bytes) {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return n > 0 && control > n * MAX_CONTROL_SHARE;
}

/**
 * Decodes a file's bytes. Returns `{text, encoding}` (the BOM is dropped, as every editor does), or
 * `{error}`: a sentence saying why the file was not opened.
 */
export function decodeText(bytes) {
  const bom = bomEncoding(bytes);
  if (bom) {
    try {
      return { text: new TextDecoder(bom, { fatal: true }).decode(bytes), encoding: `${bom}, from its byte order mark` };
    } catch {
      return { error: `it starts with a ${bom} byte order mark but is not valid ${bom}` };
    }
  }
  if (looksBinary(bytes)) return { error: 'it is not a text file (it holds binary data, like a picture or a PDF)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252 (Western European), as it is not valid UTF-8' };
  }
}

// windows-1252 differs from Latin-1 only in 0x80–0x9F (the WHATWG table; unassigned bytes map to
// themselves). Decoded here rather than by TextDecoder, which Node maps to plain Latin-1.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Bytes as windows-1252 text: every byte is a character, so this cannot fail. */
export function decodeWindows1252(bytes) {
  const parts = [];
  const CHUNK = 8192;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const codes = Array.from(bytes.subarray(at, at + CHUNK), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_80_9F.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
