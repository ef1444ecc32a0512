// how to start a JMeter: a home's launcher jar through java, or the `jmeter` script on PATH
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import type { Plugin } from "../dsl/node.js";
import { UserError } from "../util/errors.js";

export interface JmeterInstall {
  /** the JMeter home, when known (a `jmeter` script found on PATH names its own) */
  home?: string;
  command: string;
  /** arguments before JMeter's own */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** where it was found, for messages */
  source: string;
}

/** JVM heap flags for short runs on a shared machine; `JMXPLAN_HEAP` overrides them */
export const heapArgs = () => (process.env.JMXPLAN_HEAP ?? "-Xms128m -Xmx512m").split(/\s+/).filter(Boolean);

/** Start JMeter from `home` with `java -jar bin/ApacheJMeter.jar` (`JAVA_HOME` honoured, `JVM_ARGS` appended). */
export function fromHome(home: string, source = home): JmeterInstall {
  const jar = join(home, "bin", "ApacheJMeter.jar");
  if (!existsSync(jar)) throw new UserError(`${source}: not a JMeter home (no bin/ApacheJMeter.jar)`, 2, "E_NO_JMETER");
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  const jvm = (process.env.JVM_ARGS ?? "").split(/\s+/).filter(Boolean);
  return { home, command: java, args: [...heapArgs(), ...jvm, "-jar", jar], env: { ...process.env }, source };
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** Find JMeter: `--jmeter-home`, else `JMETER_HOME`, else `jmeter` on PATH. */
export function locateJmeter(jmeterHome?: string): JmeterInstall {
  if (jmeterHome) return fromHome(jmeterHome, `--jmeter-home ${jmeterHome}`);
  if (process.env.JMETER_HOME) return fromHome(process.env.JMETER_HOME, `JMETER_HOME=${process.env.JMETER_HOME}`);
  const script = onPath("jmeter");
  if (script) {
    const home = dirname(dirname(realpathSync(script)));
    if (existsSync(join(home, "bin", "ApacheJMeter.jar"))) return fromHome(home, `jmeter on PATH (${script})`);
    return { command: script, args: [], env: { ...process.env, HEAP: process.env.HEAP ?? heapArgs().join(" ") }, source: `jmeter on PATH (${script})` };
  }
  throw new UserError(
    "no JMeter found: pass --jmeter-home DIR, set JMETER_HOME, or put jmeter on PATH; --jmeter-home auto assembles JMeter 5.4.3 with the plugins from Maven Central (needs mvn and java)",
    2,
    "E_NO_JMETER",
  );
}

/** the jars a plugin needs: its own and, for jmeter-plugins, their common library */
function jarsOf(p: Plugin): string[] {
  const artifact = p.maven.split(":")[1] ?? p.maven;
  return artifact.startsWith("jmeter-plugins-") ? [artifact, "jmeter-plugins-cmn-jmeter"] : [artifact];
}

/** Plugins (of `needed`) whose jars are not in the home's lib/ or lib/ext/, each with the jars missing. */
export function missingPlugins(home: string, needed: Plugin[]): { plugin: Plugin; jars: string[] }[] {
  const present = ["lib", join("lib", "ext")].flatMap((d) => {
    const dir = join(home, d);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jar")) : [];
  });
  const has = (artifact: string) => present.some((f) => f === `${artifact}.jar` || (f.startsWith(`${artifact}-`) && /^\d/.test(f.slice(artifact.length + 1))));
  return needed.flatMap((plugin) => {
    const jars = jarsOf(plugin).filter((a) => !has(a));
    return jars.length ? [{ plugin, jars }] : [];
  });
}

/** The one JMeter 5.4.3 pitfall we can see from outside: Groovy 3.0.7 cannot compile most scripts on Java 17+. */
export function groovyWarning(home: string, javaMajor: number): string | undefined {
  const lib = join(home, "lib");
  if (javaMajor < 17 || !existsSync(lib)) return undefined;
  const old = readdirSync(lib).find((f) => /^groovy-3\.0\.[0-8]\.jar$/.test(f));
  if (!old) return undefined;
  return `${join(lib, old)} on Java ${javaMajor}: JSR223 Groovy scripts that name a JDK class outside java.lang fail with "Unsupported class file major version"; run JMeter on Java 11, or replace lib/groovy-*-3.0.x jars with 3.0.11`;
}
