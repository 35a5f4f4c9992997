// The bench's server: a minimal node:http server answering the lock route with "locked", run in a
// worker thread so its CPU does not compete with the client's event loop.
import { Worker } from "node:worker_threads";

const SOURCE = `
const { createServer } = require("node:http");
const { parentPort } = require("node:worker_threads");
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "8" });
    res.end('"locked"');
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
parentPort.on("message", (m) => { if (m === "close") server.close(() => process.exit(0)); });
`;

export interface BenchServer {
  port: number;
  close(): Promise<void>;
}

export function startBenchServer(): Promise<BenchServer> {
  const worker = new Worker(SOURCE, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (port: number) =>
      resolve({
        port,
        close: async () => {
          worker.postMessage("close");
          await worker.terminate();
        },
      }),
    );
  });
}
