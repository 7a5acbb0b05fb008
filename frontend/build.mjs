// Copies the GOV.UK Frontend build and axe-core into the hub's static folder.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "safepost", "hub", "static", "vendor");
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "govuk"), { recursive: true });
for (const file of ["govuk-frontend.min.css", "govuk-frontend.min.js"]) {
  cpSync(join(govuk, file), join(out, "govuk", file));
}
// Images only: the GDS Transport fonts are licensed for GOV.UK services, not for safepost.
cpSync(join(govuk, "assets", "images"), join(out, "govuk", "assets", "images"), { recursive: true });
mkdirSync(join(out, "axe"), { recursive: true });
cpSync(join(here, "node_modules", "axe-core", "axe.min.js"), join(out, "axe", "axe.min.js"));
console.log("static assets written to", out);
