import type { z } from 'zod';

/** An answer that does not have the contract's shape: a bug in a handler, never sent. */
export class OutputShapeError extends Error {
  constructor(readonly path: string) {
    super(`The answer does not match its contract at ${path || 'the top'}`);
    this.name = 'OutputShapeError';
  }
}

type Project = (value: unknown, path: string) => unknown;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const compiled = new WeakMap<z.ZodType, Project>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typed(check: (v: unknown) => boolean): Project {
  return (value, path) => {
    if (!check(value)) throw new OutputShapeError(path);
    return value;
  };
}

function compile(schema: z.ZodType): Project {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall && defOf(def.catchall).type;
      // A contract that lets unnamed keys through is checked in full (none does today).
      if (catchall && catchall !== 'never') break;
      const fields = Object.entries(def.shape ?? {}).map(
        ([key, field]) => [key, projector(field)] as const,
      );
      return (value, path) => {
        if (!isRecord(value)) throw new OutputShapeError(path);
        const out: Record<string, unknown> = {};
        for (const [key, project] of fields) {
          const projected = project(value[key], `${path}.${key}`);
          if (projected !== undefined || key in value) out[key] = projected;
        }
        return out;
      };
    }
    case 'array': {
      const element = projector(def.element as z.ZodType);
      return (value, path) => {
        if (!Array.isArray(value)) throw new OutputShapeError(path);
        return value.map((item, i) => element(item, `${path}[${i}]`));
      };
    }
    case 'record': {
      const item = projector(def.valueType as z.ZodType);
      return (value, path) => {
        if (!isRecord(value)) throw new OutputShapeError(path);
        const out: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) out[key] = item(v, `${path}.${key}`);
        return out;
      };
    }
    case 'nullable': {
      const inner = projector(def.innerType as z.ZodType);
      return (value, path) => (value === null ? null : inner(value, path));
    }
    case 'optional': {
      const inner = projector(def.innerType as z.ZodType);
      return (value, path) => (value === undefined ? undefined : inner(value, path));
    }
    case 'string':
      return typed((v) => typeof v === 'string');
    case 'number':
      return typed((v) => typeof v === 'number' && Number.isFinite(v));
    case 'boolean':
      return typed((v) => typeof v === 'boolean');
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return typed((v) => allowed.has(v as string | number));
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return typed((v) => allowed.has(v));
    }
  }
  // Unions and anything rarer: zod decides, in full.
  return (value, path) => {
    const result = schema.safeParse(value);
    if (!result.success) throw new OutputShapeError(path);
    return result.data;
  };
}

function projector(schema: z.ZodType): Project {
  let project = compiled.get(schema);
  if (!project) {
    project = compile(schema);
    compiled.set(schema, project);
  }
  return project;
}

/**
 * The answer as its contract names it: keys the contract does not name are dropped at every
 * depth (a password hash can never leave), and a value of the wrong kind is refused. Formats
 * (an e-mail's shape, a length) were checked when the data came in; checking them again on every
 * answer cost more than the reads behind a chart. The tests parse every answer with the full
 * contract as well.
 */
export function projectOutput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return projector(schema)(value, '') as z.output<S>;
}
