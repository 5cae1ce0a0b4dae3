/**
 * Full-width and typographic symbols → ASCII, one character for one character, so positions in
 * problems still point into the text the user typed. Shared by formulas and rule parameters.
 */
const SINGLE: Readonly<Record<string, string>> = {
  "\u3000": " ", // ideographic space
  "\u00d7": "*", // ×
  "\u00f7": "/", // ÷
  "\u2212": "-", // − minus sign
  "\u2013": "-", // – en dash
  "\u3010": "[", // 【
  "\u3011": "]", // 】
  "\u3014": "[", // 〔
  "\u3015": "]", // 〕
  "\u201c": '"', // “
  "\u201d": '"', // ”
  "\u3001": ",", // 、
};

/** Map full-width ASCII (！…～), the ideographic space and × ÷ − 【】 “” to their ASCII forms. */
export function normalizeSymbols(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += SINGLE[ch] ?? ch;
  }
  return out;
}
