// Reading all of standard input, for the commands that take `-` or no FILE. Through the stream and
// never `readFileSync(0)`: once anything touches `process.stdin` (even `process.stdin.isTTY`), Node
// puts a pipe on fd 0 in non-blocking mode, and a synchronous read that comes before the writer
// (say `pulumi preview --json`, which takes seconds) has written anything fails with EAGAIN.

/** The whole of `stream` decoded as UTF-8 once it ends (chunks are joined first, so a character
 * split between two chunks is decoded whole). Rejects with the stream's error, e.g. EISDIR. */
export async function readText(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
