// A tiny static file server for the browser tests: `node server.mjs ROOT [PORT_FILE]`.
// Listens on 127.0.0.1 on a free port, serves ROOT (a folder URL serves its index.html),
// answers 404 for anything else, and writes the port to PORT_FILE (or prints it) once ready.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] || ".");
const portFile = process.argv[3];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".bib": "text/plain; charset=utf-8",
  ".ris": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.normalize(path.join(root, decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      if (!urlPath.endsWith("/")) return { redirect: urlPath + "/" };
      const index = path.join(file, "index.html");
      return fs.existsSync(index) ? { file: index } : null;
    }
    return stat.isFile() ? { file } : null;
  } catch {
    return null;
  }
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url, "http://localhost");
  const found = resolveFile(url.pathname);
  if (found && found.redirect) {
    response.writeHead(301, { Location: found.redirect + url.search });
    response.end();
    return;
  }
  if (!found || (request.method !== "GET" && request.method !== "HEAD")) {
    if (!found) process.stderr.write(`server: 404 ${url.pathname}\n`);
    response.writeHead(found ? 405 : 404, { "Content-Type": "text/plain; charset=utf-8" });
    response.end(found ? "Method not allowed\n" : "Not found\n");
    return;
  }
  const type = TYPES[path.extname(found.file).toLowerCase()] || "application/octet-stream";
  response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  fs.createReadStream(found.file).pipe(response);
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  if (portFile) fs.writeFileSync(portFile, String(port));
  else process.stdout.write(`${port}\n`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => process.exit(0));
}
