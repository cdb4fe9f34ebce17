// Transcript bytes as text: control characters visible, literals marked with their size.
const encoder = new TextEncoder();
function escapedRun(text, keepLineBreaks) {
  const parts = [];
  let plain = "";
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (keepLineBreaks && ch === "\n") { plain += "\n"; continue; }
    if (keepLineBreaks && ch === "\r") continue;
    if (code < 0x20 || code === 0x7f) {
      if (plain) parts.push(plain), plain = "";
      const hex = code.toString(16).toUpperCase().padStart(2, "0");
      parts.push(el("span", { class: "esc" }, ch === "\r" ? "\\r" : ch === "\n" ? "\\n" : ch === "\t" ? "\\t" : "\\x" + hex));
      if (ch === "\n") parts.push("\n");
    } else plain += ch;
  }
  if (plain) parts.push(plain);
  return parts;
}
// The first `size` bytes of `text` (UTF-8), as characters.
function takeBytes(text, size) {
  let bytes = 0, index = 0;
  for (const ch of text) {
    if (bytes >= size) break;
    bytes += encoder.encode(ch).length;
    index += ch.length;
  }
  return index;
}
// "{N}\r\n" (or "{N+}") starts a literal of N bytes (RFC 3501 §4.3).
function renderBytes(text) {
  const parts = [];
  const literal = /\{(\d+)\+?\}\r\n/g;
  let rest = 0, match;
  while ((match = literal.exec(text)) !== null) {
    const start = match.index + match[0].length;
    parts.push(...escapedRun(text.slice(rest, start), true));
    const size = Number(match[1]);
    const end = start + takeBytes(text.slice(start), size);
    parts.push(el("span", { class: "literal", title: "literal, " + size + " bytes" },
                  el("span", { class: "size" }, "literal " + size + " bytes: "),
                  ...escapedRun(text.slice(start, end), false)));
    rest = end;
    literal.lastIndex = end;
  }
  parts.push(...escapedRun(text.slice(rest), true));
  return parts;
}
