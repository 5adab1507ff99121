/**
 * Policy benchmark (`yarn bench:policy`): prints figures, is not a test.
 *
 * 10,000 generated flows evaluated against 200 generated
 * CiliumNetworkPolicies (40 namespaces × 10 workloads, half of them
 * with a policy, see policy/generate.ts), and, in the same run, the same flows against one
 * policy (the baseline: parse + label work without policy lookups).
 * eval_ms = median over runs of evaluating every flow (both directions);
 * propose_ms = median of readiness + proposal (every edge kept) + replay
 * for every namespace. Targets: eval ≤ 500 ms, propose ≤ 1 s.
 * Sizes: BENCH_FLOWS, BENCH_NAMESPACES, BENCH_WORKLOADS, BENCH_RUNS.
 */
import { performance } from 'node:perf_hooks';
import {
  evaluateFlow,
  namespaceReadiness,
  policiesFromObjects,
  proposePolicies,
  replay,
  type PolicyModel,
} from '@internal/cilium-network-policy';
import type { FlowRecord } from '@internal/plugin-cilium-common';
import { generateFlows, generatePolicies } from './policy/generate';

const shape = {
  flows: Number(process.env.BENCH_FLOWS ?? 10_000),
  namespaces: Number(process.env.BENCH_NAMESPACES ?? 40),
  workloads: Number(process.env.BENCH_WORKLOADS ?? 10),
};
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function evalAll(model: PolicyModel, flows: FlowRecord[]): number {
  let denied = 0;
  for (const f of flows) {
    const v = evaluateFlow(model, f);
    if (v.ingress.verdict === 'denied' || v.egress.verdict === 'denied')
      denied++;
  }
  return denied;
}

function proposeAll(
  model: PolicyModel,
  flows: FlowRecord[],
): { policies: number; invalid: number } {
  let policies = 0;
  let invalid = 0;
  for (let n = 0; n < shape.namespaces; n++) {
    const readiness = namespaceReadiness(model, flows, `team-${n}`, {
      windowSeconds: 300,
    });
    const kept = [
      ...readiness.wouldDrop.ingress,
      ...readiness.wouldDrop.egress,
    ].map(e => e.id);
    const proposed = proposePolicies(readiness, kept);
    policies += proposed.policies.length;
    if (!replay(model, proposed, flows, kept).valid) invalid++;
  }
  return { policies, invalid };
}

function main() {
  const objects = generatePolicies(shape);
  const flows = generateFlows(shape);
  // A fresh model per run: its verdict caches start cold in every run.
  let model = policiesFromObjects(objects);
  let baseline = policiesFromObjects(objects.slice(0, 1));
  if (model.notEvaluated.length > 0)
    throw new Error(
      `unexpected not-evaluated rules: ${JSON.stringify(
        model.notEvaluated[0],
      )}`,
    );

  const evalMs: number[] = [];
  const baseMs: number[] = [];
  const proposeMs: number[] = [];
  let denied = 0;
  let result = { policies: 0, invalid: 0 };
  for (let r = 0; r < RUNS + 1; r++) {
    model = policiesFromObjects(objects);
    baseline = policiesFromObjects(objects.slice(0, 1));
    let t = performance.now();
    evalAll(baseline, flows);
    const b = performance.now() - t;
    t = performance.now();
    denied = evalAll(model, flows);
    const e = performance.now() - t;
    model = policiesFromObjects(objects);
    t = performance.now();
    result = proposeAll(model, flows);
    const p = performance.now() - t;
    if (r === 0) continue; // warm-up
    baseMs.push(b);
    evalMs.push(e);
    proposeMs.push(p);
  }
  const evalMedian = median(evalMs);
  const baseMedian = median(baseMs);
  console.log(
    `policy-bench flows=${flows.length} policies=${model.policies.length} denied=${denied} proposed=${result.policies} invalid_replays=${result.invalid}`,
  );
  console.log(
    `policy-bench eval_ms=${evalMedian.toFixed(1)} per_flow_us=${(
      (evalMedian * 1000) /
      flows.length
    ).toFixed(2)} propose_ms=${median(proposeMs).toFixed(
      1,
    )} baseline_1_policy_ms=${baseMedian.toFixed(1)} vs_1_policy=${(
      evalMedian / baseMedian
    ).toFixed(2)}`,
  );
  const ok =
    evalMedian <= 500 && median(proposeMs) <= 1000 && result.invalid === 0;
  console.log(
    `policy-bench targets eval<=500ms propose<=1000ms valid_replays: ${
      ok ? 'met' : 'MISSED'
    }`,
  );
}

main();
