/**
 * Finds the field names a zod object schema accepts at a path, so an unknown field can be
 * answered with the nearest known one ("quantiy" → quantity). Walks zod 4 definitions through
 * `_zod.def`, which is public in zod 4's core API; unknown wrapper kinds end the walk quietly.
 */
import type { z } from 'zod';

interface LooseDef {
  readonly type?: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
}

function defOf(schema: z.ZodType): LooseDef {
  return (schema as unknown as { _zod: { def: LooseDef } })._zod.def;
}

/** Strips optional/default/nullable/readonly/pipe wrappers down to the schema that does the work. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 16; depth += 1) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (inner === undefined) return current;
    current = inner;
  }
  return current;
}

/** The schema found at `path` inside `root`, or `undefined` when the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(root);
  for (const seg of path) {
    if (current === undefined) return undefined;
    const def = defOf(current);
    if (def.type === 'object' && typeof seg === 'string') current = def.shape?.[seg];
    else if (def.type === 'array' && typeof seg === 'number') current = def.element;
    else return undefined;
    current = current === undefined ? undefined : unwrap(current);
  }
  return current;
}

/** The field names of the object schema at `path`, or `[]` when there is none. */
export function fieldNamesAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const schema = schemaAt(root, path);
  if (schema === undefined) return [];
  const def = defOf(schema);
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}
