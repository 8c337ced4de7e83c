// Stands in for Next's bin in tests of scripts/lib/next-cluster.mjs: `start --port N`
// serves this process's pid, so a test can tell the cluster's processes apart.
import http from "node:http";

const port = Number(process.argv[process.argv.indexOf("--port") + 1]);
http.createServer((_request, response) => response.end(String(process.pid))).listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
