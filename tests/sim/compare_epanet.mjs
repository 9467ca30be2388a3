// EPANET 2.3.5 (npm epanet-js 0.9.0) on an .inp file, as the reference for
// `estatetwin simulate`:
//   node compare_epanet.mjs NET.inp NODES.csv LINKS.csv   same CSV columns as simulate
//   node compare_epanet.mjs NET.inp --bench N             times N whole runs, no output
// epanet-js is looked up in $ET_NPM_DIR/node_modules (compare.sh installs it there with
// `npm ci`), else beside this script.
import fs from "fs";
import path from "path";
import { createRequire } from "module";
import { fileURLToPath } from "url";

const here = path.dirname(fileURLToPath(import.meta.url));
const npmDir = process.env.ET_NPM_DIR || here;
const require = createRequire(path.resolve(npmDir, "package.json"));
const { Project, Workspace } = require("epanet-js");

const [, , inp, a2, a3] = process.argv;
if (!inp || !a2) {
  console.error("usage: compare_epanet.mjs NET.inp NODES.csv LINKS.csv | NET.inp --bench N");
  process.exit(2);
}
const ws = new Workspace();
await ws.loadModule();
const model = new Project(ws);
ws.writeFile("net.inp", fs.readFileSync(inp));
try {
  model.open("net.inp", "net.rpt", "");
} catch (e) {
  console.error(`compare_epanet: ${inp}: ${e.message}`);
  process.exit(1);
}
// Enum values of the EPANET toolkit.
const EN_NODECOUNT = 0, EN_LINKCOUNT = 2;
const EN_DEMAND = 9, EN_HEAD = 10, EN_PRESSURE = 11;
const EN_FLOW = 8, EN_VELOCITY = 9, EN_STATUS = 11;
const EN_REPORTSTEP = 5, EN_REPORTSTART = 6;

function run(report) {
  model.openH();
  model.initH(0);
  let tstep;
  do {
    const t = model.runH();
    if (report) report(t);
    tstep = model.nextH();
  } while (tstep > 0);
  model.closeH();
}

if (a2 === "--bench") {
  const n = Math.max(1, parseInt(a3 || "5", 10));
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    run(null);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((x, y) => x - y);
  console.log(`epanet-js solve_ms median ${ms[Math.floor(ms.length / 2)].toFixed(3)} min ${ms[0].toFixed(3)} (${n} runs)`);
  process.exit(0);
}

const nn = model.getCount(EN_NODECOUNT), nl = model.getCount(EN_LINKCOUNT);
const rstep = model.getTimeParameter(EN_REPORTSTEP), rstart = model.getTimeParameter(EN_REPORTSTART);
const nodeIds = [], linkIds = [];
for (let i = 1; i <= nn; i++) nodeIds.push(model.getNodeId(i));
for (let i = 1; i <= nl; i++) linkIds.push(model.getLinkId(i));
const nodes = ["time_s,node,pressure,head,demand"], links = ["time_s,link,flow,velocity,status"];
try {
  run((t) => {
    if (t < rstart || (t - rstart) % rstep !== 0) return;
    for (let i = 1; i <= nn; i++)
      nodes.push(`${t},${nodeIds[i - 1]},${model.getNodeValue(i, EN_PRESSURE).toFixed(4)},` +
                 `${model.getNodeValue(i, EN_HEAD).toFixed(4)},${model.getNodeValue(i, EN_DEMAND).toFixed(4)}`);
    for (let i = 1; i <= nl; i++)
      links.push(`${t},${linkIds[i - 1]},${model.getLinkValue(i, EN_FLOW).toFixed(4)},` +
                 `${model.getLinkValue(i, EN_VELOCITY).toFixed(4)},${model.getLinkValue(i, EN_STATUS)}`);
  });
} catch (e) {
  console.error(`compare_epanet: ${inp}: ${e.message}`);
}
fs.writeFileSync(a2, nodes.join("\n") + "\n");
fs.writeFileSync(a3, links.join("\n") + "\n");
