/** The line ending a file uses: its first one (so CRLF stays CRLF, and mixed files keep their lines). */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}
