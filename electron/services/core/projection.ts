import type { z } from 'zod';

/** An answer that does not have the contract's shape: a bug in a handler, never sent. */
export class OutputShapeError extends Error {
  /** Where, from the top: keys and array indexes, outermost first. */
  readonly at: (string | number)[];

  constructor(at: (string | number)[] = []) {
    super('');
    this.name = 'OutputShapeError';
    this.at = at;
    this.message = `The answer does not match its contract at ${this.path || 'the top'}`;
  }

  get path(): string {
    return this.at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  }
}

/**
 * Returns the value itself when it already has the contract's shape, or a copy without the keys
 * the contract does not name. Most answers are clean, and copying every row of a chart again cost
 * about as much as reading it.
 */
type Project = (value: unknown) => unknown;

interface Def {
  type: string;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A failure below `step`, with the step put in front of its path. */
function below(error: unknown, step: string | number): unknown {
  return error instanceof OutputShapeError ? new OutputShapeError([step, ...error.at]) : error;
}

function typed(check: (v: unknown) => boolean): Project {
  return (value) => {
    if (!check(value)) throw new OutputShapeError();
    return value;
  };
}

function objectProjector(fields: (readonly [string, Project])[]): Project {
  return (value) => {
    if (!isRecord(value)) throw new OutputShapeError();
    let same = true;
    let present = 0;
    let key = '';
    try {
      for (const field of fields) {
        key = field[0];
        const original = value[key];
        if (field[1](original) !== original) same = false;
        if (original !== undefined || key in value) present += 1;
      }
    } catch (error) {
      throw below(error, key);
    }
    if (same) {
      let own = 0;
      for (const k in value) if (Object.hasOwn(value, k)) own += 1;
      if (own === present) return value;
    }
    // A key to drop or a child that was copied: a new object with the named keys only.
    const out: Record<string, unknown> = {};
    for (const [k, project] of fields) {
      const projected = project(value[k]);
      if (projected !== undefined || k in value) out[k] = projected;
    }
    return out;
  };
}

function compile(schema: z.ZodType): Project {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall && defOf(def.catchall).type;
      // A contract that lets unnamed keys through is checked in full (none does today).
      if (catchall && catchall !== 'never') break;
      return objectProjector(
        Object.entries(def.shape ?? {}).map(([key, field]) => [key, projector(field)] as const),
      );
    }
    case 'array': {
      const element = projector(def.element as z.ZodType);
      return (value) => {
        if (!Array.isArray(value)) throw new OutputShapeError();
        let copy: unknown[] | null = null;
        let i = 0;
        try {
          for (; i < value.length; i += 1) {
            const item: unknown = value[i];
            const projected = element(item);
            if (projected !== item && !copy) copy = value.slice(0, i);
            if (copy) copy.push(projected);
          }
        } catch (error) {
          throw below(error, i);
        }
        return copy ?? value;
      };
    }
    case 'record': {
      const item = projector(def.valueType as z.ZodType);
      return (value) => {
        if (!isRecord(value)) throw new OutputShapeError();
        const out: Record<string, unknown> = {};
        let changed = false;
        for (const [key, v] of Object.entries(value)) {
          try {
            out[key] = item(v);
          } catch (error) {
            throw below(error, key);
          }
          if (out[key] !== v) changed = true;
        }
        return changed ? out : value;
      };
    }
    case 'nullable': {
      const inner = projector(def.innerType as z.ZodType);
      return (value) => (value === null ? null : inner(value));
    }
    case 'optional': {
      const inner = projector(def.innerType as z.ZodType);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
      // A single value: the check below decides, and the value is kept as it is.
      return typed(checker(schema));
  }
  // Unions and anything rarer: zod decides, in full.
  return (value) => {
    const result = schema.safeParse(value);
    if (!result.success) throw new OutputShapeError();
    return result.data;
  };
}

/** `make` for each schema, made once: contracts are built once and live as long as the app. */
function perSchema<T>(make: (schema: z.ZodType) => T): (schema: z.ZodType) => T {
  const made = new WeakMap<z.ZodType, T>();
  return (schema) => {
    let value = made.get(schema);
    if (value === undefined) {
      value = make(schema);
      made.set(schema, value);
    }
    return value;
  };
}

const projector = perSchema(compile);

/**
 * Whether a value has exactly the contract's shape: every named key of the right kind and no
 * other key. Most answers do, and then they are handed on as they are. Objects are checked by a
 * function written for their own keys, so each property read stays specific to one shape; a
 * general walk reads every key of every kind of object through the same lines, which V8 cannot
 * specialise, and cost a tenth of a chart's opening. Anything else goes the careful way below.
 */
type Check = (value: unknown) => boolean;
const checker = perSchema(compileCheck);

/** A test written inline for the kinds that need no call, or null. */
function inlineTest(schema: z.ZodType, x: string): string | null {
  const def = defOf(schema);
  if (def.type === 'string') return `typeof ${x} === 'string'`;
  if (def.type === 'boolean') return `typeof ${x} === 'boolean'`;
  if (def.type === 'number') return `(typeof ${x} === 'number' && Number.isFinite(${x}))`;
  if (def.type === 'nullable') {
    const inner = inlineTest(def.innerType as z.ZodType, x);
    return inner && `(${x} === null || ${inner})`;
  }
  return null;
}

function compileObjectCheck(shape: Record<string, z.ZodType>): Check {
  const calls: Check[] = [];
  const lines = Object.entries(shape).map(([key, field]) => {
    const k = JSON.stringify(key);
    let test = inlineTest(field, 'x');
    if (!test) {
      calls.push(checker(field));
      test = `c${calls.length - 1}(x)`;
    }
    // An absent key counts only if its schema accepts undefined (an optional field).
    return `x = v[${k}];
      if (x === undefined && !(${k} in v)) { if (!(${test})) return false; }
      else { if (!(${test})) return false; n += 1; }`;
  });
  const body = `return function check(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    let n = 0;
    let x;
    ${lines.join('\n')}
    // Counted without Object.keys, which would make an array for every object of an answer.
    for (const k in v) n -= 1;
    return n === 0;
  };`;
  // Written from the contract's own key names (quoted by JSON.stringify), never from data.
  const make = new Function(...calls.map((_, i) => `c${i}`), body) as (...c: Check[]) => Check;
  return make(...calls);
}

function compileCheck(schema: z.ZodType): Check {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall && defOf(def.catchall).type;
      if (catchall && catchall !== 'never') return () => false;
      return compileObjectCheck(def.shape ?? {});
    }
    case 'array': {
      const element = checker(def.element as z.ZodType);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i += 1) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'union': {
      // Exactly one option's shape, with nothing extra, is what a parse would give back.
      const options = (def.options ?? []).map(checker);
      return (v) => options.some((check) => check(v));
    }
    case 'nullable': {
      const inner = checker(def.innerType as z.ZodType);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      const inner = checker(def.innerType as z.ZodType);
      return (v) => v === undefined || inner(v);
    }
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => allowed.has(v as string | number);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (v) => allowed.has(v);
    }
    case 'string':
      return (v) => typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
  }
  return () => false;
}

/**
 * The answer as its contract names it: keys the contract does not name are dropped at every
 * depth (a password hash can never leave), and a value of the wrong kind is refused. Formats
 * (an e-mail's shape, a length) were checked when the data came in; checking them again on every
 * answer cost more than the reads behind a chart. The tests parse every answer with the full
 * contract as well.
 */
export function projectOutput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  if (checker(schema)(value)) return value as z.output<S>;
  return projector(schema)(value) as z.output<S>;
}
