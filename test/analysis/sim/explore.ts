// prints what the analysis finds in each scenario (a development aid: node --import tsx test/analysis/sim/explore.ts [name])
import { analyzeSamples } from "../../../src/analysis/index.js";
import { scenarios } from "./scenarios.js";
import { simulate } from "./sim.js";

for (const [name, { truth, scenario }] of Object.entries(scenarios)) {
  if (process.argv[2] && !name.includes(process.argv[2])) continue;
  const samples = simulate(scenario);
  const a = await analyzeSamples(samples);
  console.log(`\n== ${name} (${samples.length} samples) truth ${JSON.stringify(truth)}`);
  for (const f of a.findings) {
    console.log(`  ${f.id} [${f.labels.join(", ")}] ${JSON.stringify(f.estimate)} :: ${f.title}`);
    if (process.argv[3]) for (const e of f.evidence) console.log(`      - ${e.text}`);
  }
}
