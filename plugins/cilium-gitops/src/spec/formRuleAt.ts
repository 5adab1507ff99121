/**
 * The form's part of the rule of one spec field, read from the spec's zod 3
 * schema itself: the field types of `fields.ts` carry their `formRules.ts`
 * rule (`withFormRule`), enums and lists are translated, and optional,
 * defaulted and refined wrappers are looked through.
 */
import { z as z3 } from 'zod';
import { z } from 'zod/v4';
import { formRuleOf } from './formRules';
import { clusterSpecSchema } from './schema';

/** Looks through optional, default and refinement wrappers down to a marked type. */
function unwrap(schema: z3.ZodTypeAny): z3.ZodTypeAny[] {
  const chain = [schema];
  let node = schema;
  for (;;) {
    if (node instanceof z3.ZodOptional || node instanceof z3.ZodDefault) {
      node = node._def.innerType;
    } else if (node instanceof z3.ZodEffects) node = node._def.schema;
    else return chain;
    chain.push(node);
  }
}

function ruleOf(schema: z3.ZodTypeAny, at: string): z.ZodType {
  const chain = unwrap(schema);
  for (const node of chain) {
    const rule = formRuleOf(node);
    if (rule) return rule;
  }
  const inner = chain[chain.length - 1];
  if (inner instanceof z3.ZodEnum) {
    return z.enum(inner.options as [string, ...string[]]);
  }
  if (inner instanceof z3.ZodArray) {
    const items = z.array(ruleOf(inner.element, `${at}[]`));
    const min = inner._def.minLength?.value;
    return min === undefined ? items : items.min(min);
  }
  throw new Error(`the spec field ${at} has no rule a form can carry`);
}

/** `spec.network.loadBalancerPools[0].cidr` → its rule. Throws naming a path the spec lacks. */
export function formRuleAt(specPath: string): z.ZodType {
  const keys = specPath.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node: z3.ZodTypeAny = clusterSpecSchema;
  for (const key of keys) {
    const next = childAt(unwrap(node).pop()!, key);
    if (!next) throw new Error(`the spec has no field ${specPath}`);
    node = next;
  }
  return ruleOf(node, specPath);
}

/** The field `key` of an object, or the element type of a list for an index. */
function childAt(node: z3.ZodTypeAny, key: string): z3.ZodTypeAny | undefined {
  if (node instanceof z3.ZodObject) return node.shape[key];
  if (node instanceof z3.ZodArray && /^\d+$/.test(key)) return node.element;
  return undefined;
}
