// Accessibility check of the published pages: axe-core in headless Chromium
// (Debian's), through playwright-core, over file:// (as a reader opening
// the folder would). Every page is checked at a desktop and a phone width;
// any violation fails. The search page is also used as a reader would: words
// typed, results expected. Screenshots of the index and of one compte rendu,
// and the compte rendu printed to an A4 PDF, are saved as CI artefacts.
// Every fiche expérience (fiches/*.html) is printed to A4 too: it must fit
// on one page or two, as the national agency expects.
//
// Usage: node browser-checks.mjs SITE_DIR ARTEFACTS_DIR COMPTE_RENDU
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [siteArg, artefactsArg, compteRendu] = process.argv.slice(2);
if (!siteArg || !artefactsArg || !compteRendu) {
  console.error("usage : node browser-checks.mjs SITE ARTEFACTS reunions/….html");
  process.exit(2);
}
const site = resolve(siteArg);
const artefacts = resolve(artefactsArg);
mkdirSync(artefacts, { recursive: true });
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

function htmlFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return htmlFiles(path);
      return name.endsWith(".html") ? [path] : [];
    });
}

const viewports = [
  { name: "ordinateur", width: 1280, height: 900 },
  { name: "téléphone", width: 375, height: 740 },
];

const profile = mkdtempSync(join(tmpdir(), "reunion-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

// Nothing may be fetched from the network: a published page works offline.
const external = [];
await context.route(/^(https?|wss?):/, (route) => {
  external.push(route.request().url());
  return route.abort();
});

let violations = 0;
let checks = 0;
let fiches = 0;
let longFiches = 0;
const pages = htmlFiles(site);
try {
  const page = await context.newPage();
  for (const file of pages) {
    const name = relative(site, file);
    for (const viewport of viewports) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () =>
        // Every rule axe runs by default: WCAG 2.0/2.1 A and AA, and best practices.
        window.axe.run(document, { resultTypes: ["violations"] }),
      );
      checks += 1;
      for (const v of result.violations) {
        violations += v.nodes.length;
        console.error(`${name} (${viewport.name}) : ${v.id} [${v.impact}] ${v.help}`);
        for (const node of v.nodes) {
          console.error(`    ${node.target.join(" ")} : ${node.failureSummary.replace(/\n/g, " ")}`);
        }
      }
    }
  }
  // The search page, the only one with a script, must work from the disk:
  // typed words give marked results (accents, elision and plural ignored),
  // and the page with results shown passes axe too.
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(pathToFileURL(join(site, "recherche.html")).href, { waitUntil: "load" });
  const searches = [
    { query: "ecole", expect: "écoles" },
    { query: "L'ÉQUIPES", expect: "Équipe" },
  ];
  for (const { query, expect } of searches) {
    await page.fill("#recherche-mots", query);
    await page.press("#recherche-mots", "Enter");
    await page.waitForSelector("#recherche-resultats li mark", { timeout: 5000 }).catch(() => {});
    const found = await page.$$eval("#recherche-resultats li", (lis) => lis.length);
    const marks = await page.$$eval("#recherche-resultats mark", (ms) => ms.map((m) => m.textContent));
    const status = await page.textContent("#recherche-etat");
    if (found === 0 || !marks.includes(expect)) {
      violations += 1;
      console.error(`recherche.html : « ${query} » : ${found} résultat(s), mots marqués ${JSON.stringify(marks)}, attendu « ${expect} »`);
    } else {
      console.log(`recherche « ${query} » : ${status.trim()}`);
    }
  }
  await page.goto(pathToFileURL(join(site, "recherche.html")).href + "?q=webradio", { waitUntil: "load" });
  await page.waitForSelector("#recherche-etat:not(:empty)", { timeout: 5000 }).catch(() => {});
  const fromUrl = await page.textContent("#recherche-etat");
  if (!/résultat/.test(fromUrl ?? "")) {
    violations += 1;
    console.error(`recherche.html?q=… : pas d'état de recherche (« ${fromUrl} »)`);
  }
  await page.addScriptTag({ path: axePath });
  const withResults = await page.evaluate(async () => window.axe.run(document, { resultTypes: ["violations"] }));
  checks += 1;
  for (const v of withResults.violations) {
    violations += v.nodes.length;
    console.error(`recherche.html (avec résultats) : ${v.id} [${v.impact}] ${v.help}`);
  }
  if (errors.length > 0) {
    violations += errors.length;
    console.error(`erreurs JavaScript : ${errors.join(" ; ")}`);
  }

  await page.goto(pathToFileURL(join(site, "index.html")).href);
  await page.screenshot({ path: join(artefacts, "index.png"), fullPage: true });
  await page.goto(pathToFileURL(join(site, compteRendu)).href);
  await page.screenshot({ path: join(artefacts, "compte-rendu.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.screenshot({ path: join(artefacts, "compte-rendu-telephone.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: join(artefacts, "compte-rendu.pdf"), format: "A4", preferCSSPageSize: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const file of pages.filter((p) => relative(site, p).startsWith("fiches/"))) {
    await page.goto(pathToFileURL(file).href);
    const name = relative(site, file).replace(/\.html$/, "").replace("/", "-");
    const pdf = await page.pdf({ path: join(artefacts, `${name}.pdf`), format: "A4", preferCSSPageSize: true });
    // Page objects of the PDF (Chromium writes them uncompressed).
    const count = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length;
    fiches += 1;
    console.log(`${relative(site, file)} : ${count} page(s) A4`);
    if (count < 1 || count > 2) {
      console.error(`${relative(site, file)} : ${count} pages à l'impression, au lieu d'une ou deux`);
      longFiches += 1;
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (external.length > 0) {
  console.error(`requêtes vers le réseau (interdites) : ${[...new Set(external)].join(", ")}`);
}
console.log(
  `axe-core : ${pages.length} pages, ${checks} vérifications (${viewports.length} largeurs), ${violations} violation(s)`,
);
console.log(`impression : ${fiches} fiche(s) expérience, ${longFiches} de plus de deux pages A4`);
console.log(`artefacts : ${artefacts}`);
process.exit(violations > 0 || external.length > 0 || longFiches > 0 ? 1 : 0);
