// Runs the README's GitHub Actions workflow the way a pull_request event would, as far as a
// machine without GitHub can: every `run:` step as written (bash -eo pipefail, the step's env,
// `${{ vars.X }}` and `${{ ... }}` expressions resolved, `if:` evaluated for the event); the
// `uses:` steps are stood in for (checkout: the workspace is the checked-out merge commit;
// setup-java: the java on PATH; upload-sarif: the file must exist and be SARIF 2.1.0).
// Usage: node github-workflow-run.mjs WORKFLOW WORKSPACE JAR_URL BASE_REF
import { readFileSync, existsSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';

const [workflowFile, workspace, jarUrl, baseRef] = process.argv.slice(2);
const wf = YAML.parse(readFileSync(workflowFile, 'utf8'));
const ctx = { 'github.event_name': 'pull_request', 'github.base_ref': baseRef, 'vars.PRODLINT_JAR_URL': jarUrl };
const expr = (s) => String(s).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e) => {
  if (!(e in ctx)) throw new Error(`unknown expression ${e}`);
  return ctx[e];
});
const condition = (s) => {
  const m = /^\s*github\.event_name\s*==\s*'([^']+)'\s*$/.exec(s);
  if (!m) throw new Error(`unsupported if: ${s}`);
  return ctx['github.event_name'] === m[1];
};
const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
const results = [];
for (const [name, job] of Object.entries(wf.jobs)) {
  for (const step of job.steps) {
    const label = step.name ?? step.uses;
    if (step.if !== undefined && !condition(step.if)) { results.push({ label, skipped: true }); continue; }
    if (step.uses) {
      if (step.uses.startsWith('github/codeql-action/upload-sarif')) {
        const file = join(workspace, step.with.sarif_file);
        if (!existsSync(file)) throw new Error(`upload-sarif: ${file} does not exist`);
        const sarif = JSON.parse(readFileSync(file, 'utf8'));
        if (sarif.version !== '2.1.0') throw new Error('upload-sarif: not SARIF 2.1.0');
        results.push({ label, code: 0, out: `${sarif.runs[0].results.length} results to upload` });
      } else {
        results.push({ label, code: 0, out: 'stood in for' });
      }
      continue;
    }
    const env = { ...process.env, RUNNER_TEMP: runnerTemp, GITHUB_BASE_REF: baseRef, GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTIONS: 'true', CI: 'true' };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(v);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expr(step.run)], { cwd: workspace, env, encoding: 'utf8' });
    results.push({ label, code: r.status, out: (r.stdout + r.stderr).trim() });
  }
}
console.log(JSON.stringify(results, null, 2));
