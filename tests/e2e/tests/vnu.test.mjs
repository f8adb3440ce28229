// The Nu HTML Checker (vnu.jar, run with the machine's Java) reports no error on any built
// HTML page: every page of the sample edition and of the alias edition (its redirect stub
// included). Warnings are printed, not failed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { HERE, ROOT, filesUnder } from "../lib.mjs";

const VNU_JAR = path.join(HERE, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
const JAVA = process.env.JAVA || "java";

function vnu(files) {
  return new Promise((resolve, reject) => {
    execFile(JAVA, ["-Xss4m", "-jar", VNU_JAR, "--format", "json", "--skip-non-html", ...files],
      { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        // vnu exits 1 when it reports errors; its JSON report is on standard error.
        try {
          resolve(JSON.parse(stderr));
        } catch {
          reject(new Error(`vnu.jar did not report JSON (${error ? error.message : "no error"}):\n` +
            `${stderr.slice(0, 2000)}\n${stdout.slice(0, 2000)}`));
        }
      });
  });
}

function describe(message) {
  const file = decodeURIComponent((message.url || "").replace(/^file:/, "")).replace(ROOT + "/", "");
  const where = message.lastLine ? `:${message.lastLine}:${message.firstColumn ?? message.lastColumn}` : "";
  const extract = message.extract ? `\n      ${JSON.stringify(message.extract.replace(/\s+/g, " "))}` : "";
  return `  ${file}${where}: ${message.message}${extract}`;
}

test("the Nu HTML Checker reports no errors on any built page", { timeout: 120_000 }, async () => {
  const files = filesUnder(ROOT, [".html"]);
  assert.ok(files.length > 100, `expected the built pages, found ${files.length}`);
  const report = await vnu(files);
  const messages = report.messages || [];
  const errors = messages.filter((m) => m.type === "error" || m.type === "non-document-error" ||
    (m.type === "info" && m.subType === "fatal"));
  const warnings = messages.filter((m) => m.type === "info" && m.subType === "warning");
  if (warnings.length) {
    console.log(`vnu: ${warnings.length} warning(s) (not failures):\n${warnings.map(describe).join("\n")}`);
  }
  console.log(`vnu: checked ${files.length} pages`);
  assert.equal(errors.length, 0,
    `vnu reported ${errors.length} error(s):\n${errors.map(describe).join("\n")}`);
});
