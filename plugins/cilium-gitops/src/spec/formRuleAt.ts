/**
 * The form's part of the rule of one spec field, read from the spec's
 * schema itself: the field types of `fields.ts` carry their `formRules.ts`
 * rule (`withFormRule`, inherited by their refined clones), enums and lists
 * are translated, and optional and defaulted wrappers are looked through.
 */
import { z } from 'zod';
import { formRuleOf } from './formRules';
import { clusterSpecSchema } from './schema';

/** Looks through optional and default wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault
  ) {
    return unwrap(schema.def.innerType as z.ZodType);
  }
  return schema;
}

function ruleOf(schema: z.ZodType, at: string): z.ZodType {
  const rule = formRuleOf(schema);
  if (rule) return rule;
  const inner = unwrap(schema);
  if (inner !== schema) return ruleOf(inner, at);
  if (inner instanceof z.ZodEnum) {
    return z.enum(inner.options as [string, ...string[]]);
  }
  if (inner instanceof z.ZodArray) {
    let items = z.array(ruleOf(inner.element as z.ZodType, `${at}[]`));
    for (const check of inner.def.checks ?? []) {
      const def = check._zod.def;
      if (def.check === 'min_length' && 'minimum' in def) {
        items = items.min(Number(def.minimum));
      }
    }
    return items;
  }
  throw new Error(`the spec field ${at} has no rule a form can carry`);
}

/** `spec.network.loadBalancerPools[0].cidr` → its rule. Throws naming a path the spec lacks. */
export function formRuleAt(specPath: string): z.ZodType {
  const keys = specPath.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node: z.ZodType = clusterSpecSchema;
  for (const key of keys) {
    const next = childAt(unwrap(node), key);
    if (!next) throw new Error(`the spec has no field ${specPath}`);
    node = next;
  }
  return ruleOf(node, specPath);
}

/** The field `key` of an object, or the element type of a list for an index. */
function childAt(node: z.ZodType, key: string): z.ZodType | undefined {
  if (node instanceof z.ZodObject) {
    return Object.hasOwn(node.shape, key)
      ? (node.shape[key] as z.ZodType)
      : undefined;
  }
  if (node instanceof z.ZodArray && /^\d+$/.test(key)) {
    return node.element as z.ZodType;
  }
  return undefined;
}
