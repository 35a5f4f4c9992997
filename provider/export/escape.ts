// Text that goes into generated TypeScript. Values come from a live account (a TXT record, a
// contact's street, a server's error message), so nothing is pasted in raw: strings become JSON
// string literals, and comment text is kept on one line so it can never close a comment or
// start code.

/** A TypeScript string literal of `value` (JSON's escaping is valid TypeScript). */
export function tsString(value: string): string {
  // U+2028/U+2029 are legal in JSON strings and in ES2019 literals, but escaped they survive any editor.
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** `text` as the body of a `//` comment: control characters and line breaks become spaces. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}

/** `// text` lines at `indent`, wrapped at about 100 columns for review. */
export function commentLines(text: string, indent = ""): string[] {
  const words = commentText(text).split(" ").filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && indent.length + 3 + line.length + 1 + word.length > 100) {
      lines.push(`${indent}// ${line}`);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(`${indent}// ${line}`);
  return lines;
}
