/**
 * Builds benchmark operations from the schema as it is when the benchmark runs. Several scenario fields
 * (medicationSummary, checkups, dispensings, the confirmation mutations) land in parallel with
 * this harness, and their result types are owned by other subgraphs; so a scenario names the fields it
 * wants and the selection below each is derived from the public API schema (schema/api.graphql, written by
 * `pnpm compose` together with the supergraph the gateway serves), filtered by the caller's `@access`
 * roles so the gateway does not refuse the operation. What is missing is reported, never faked.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { AccessPolicy } from '@onshi/gateway/src/accessPolicy';
import type { Role } from '@onshi/kit';

/** Values a scenario can put into arguments, looked up by argument (or input field) name. */
export type ArgumentBag = Readonly<Record<string, string | number | boolean | undefined>>;

export interface SelectionContext {
  schema: GraphQLSchema;
  policy: AccessPolicy;
  role: Role;
  /** Argument names whose values come from per-request variables (lower-cased name → bag key). */
  bag: ArgumentBag;
  /** Optional arguments to set anyway (e.g. `from` of dispensings), by lower-cased name. */
  preferredArguments?: ReadonlySet<string>;
}

export interface BuiltField {
  /** `name(arg: $var) { … }` */
  text: string;
  /** Variable definitions this field needs: `$var: Type!` → bag key. */
  variables: Array<{ name: string; type: string; bagKey: string }>;
}

const LEAF_DEPTH_LIMIT = 2;

function mayRead(context: SelectionContext, typeName: string, fieldName: string): boolean {
  const roles = context.policy.get(`${typeName}.${fieldName}`);
  return roles === undefined || roles.includes(context.role);
}

function bagKeyFor(context: SelectionContext, argumentName: string): string | undefined {
  const lower = argumentName.toLowerCase();
  return Object.keys(context.bag).find((key) => key.toLowerCase() === lower && context.bag[key] !== undefined);
}

/** Can every required field of this input object be filled from the bag? */
function inputFillable(context: SelectionContext, type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return false;
  return Object.values(named.getFields()).every((field) => !isNonNullType(field.type) || field.defaultValue !== undefined || bagKeyFor(context, field.name) !== undefined);
}

/** The value of an input object argument, built from the bag by field name. */
export function inputValue(bag: ArgumentBag, type: GraphQLInputType): Record<string, unknown> {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return {};
  const value: Record<string, unknown> = {};
  for (const field of Object.values(named.getFields())) {
    const key = Object.keys(bag).find((k) => k.toLowerCase() === field.name.toLowerCase() && bag[k] !== undefined);
    if (key !== undefined) value[field.name] = bag[key];
  }
  return value;
}

function argumentsFor(context: SelectionContext, field: GraphQLField<unknown, unknown>, prefix: string): { text: string; variables: BuiltField['variables'] } | undefined {
  const parts: string[] = [];
  const variables: BuiltField['variables'] = [];
  for (const argument of field.args as readonly GraphQLArgument[]) {
    const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
    const key = bagKeyFor(context, argument.name);
    const inputKey = isInputObjectType(getNamedType(argument.type)) && inputFillable(context, argument.type) ? `input:${argument.name}` : undefined;
    const wanted = required || context.preferredArguments?.has(argument.name.toLowerCase());
    if (!wanted) continue;
    const source = key ?? inputKey;
    if (source === undefined) {
      if (required) return undefined;
      continue;
    }
    const variable = `${prefix}${argument.name}`;
    parts.push(`${argument.name}: $${variable}`);
    variables.push({ name: variable, type: String(argument.type), bagKey: source });
  }
  return { text: parts.length > 0 ? `(${parts.join(', ')})` : '', variables };
}

function selectionOf(context: SelectionContext, type: GraphQLObjectType, depth: number, prefix: string): BuiltField | undefined {
  const fields: string[] = [];
  const variables: BuiltField['variables'] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.name.startsWith('_') || !mayRead(context, type.name, field.name)) continue;
    const built = buildField(context, type, field.name, depth - 1, `${prefix}${field.name}_`);
    if (!built) continue;
    fields.push(built.text);
    variables.push(...built.variables);
  }
  return fields.length > 0 ? { text: `{ ${fields.join(' ')} }`, variables } : undefined;
}

/**
 * One field with its arguments and a selection of every readable scalar below it, `depth` object
 * levels deep. Undefined when the field does not exist, the role may not read it, or a required
 * argument cannot be filled.
 */
export function buildField(context: SelectionContext, parent: GraphQLObjectType, fieldName: string, depth = LEAF_DEPTH_LIMIT, prefix = ''): BuiltField | undefined {
  const field = parent.getFields()[fieldName];
  if (!field || !mayRead(context, parent.name, fieldName)) return undefined;
  const args = argumentsFor(context, field, prefix);
  if (!args) return undefined;
  const named = getNamedType(field.type);
  if (isScalarType(named) || isEnumType(named)) return { text: `${fieldName}${args.text}`, variables: args.variables };
  if (!isObjectType(named) || depth < 0) return undefined;
  const selection = selectionOf(context, named, depth, prefix);
  if (!selection) return undefined;
  return { text: `${fieldName}${args.text} ${selection.text}`, variables: [...args.variables, ...selection.variables] };
}

export interface BuiltOperation {
  /** The operation text, or undefined when none of the wanted fields exists for this role. */
  document?: string;
  /** Wanted fields that the schema (or the role) does not offer, reported beside the figures. */
  missing: string[];
  variables: BuiltField['variables'];
}

/**
 * `query|mutation Name($vars) { root(args) { wanted fields } }` or, when `root` is null, the wanted
 * fields directly on the operation type.
 */
export function buildOperation(
  context: SelectionContext,
  options: { kind: 'query' | 'mutation'; name: string; root?: { field: string; type: string }; wanted: readonly string[]; required?: readonly string[] },
): BuiltOperation {
  const operationType = options.kind === 'query' ? context.schema.getQueryType() : context.schema.getMutationType();
  if (!operationType) return { missing: [...options.wanted], variables: [] };
  const parentName = options.root?.type;
  const parent = parentName ? context.schema.getType(parentName) : operationType;
  if (!parent || !isObjectType(parent)) return { missing: [...options.wanted], variables: [] };
  const parts: string[] = [];
  const variables: BuiltField['variables'] = [];
  const missing: string[] = [];
  for (const wanted of options.wanted) {
    const built = buildField(context, parent, wanted);
    if (!built) {
      missing.push(`${parent.name}.${wanted}`);
      continue;
    }
    parts.push(built.text);
    variables.push(...built.variables);
  }
  const requiredMissing = (options.required ?? []).some((name) => missing.includes(`${parent.name}.${name}`));
  if (parts.length === 0 || requiredMissing) return { missing, variables };
  let body = parts.join(' ');
  if (options.root) {
    const rootField = operationType.getFields()[options.root.field];
    const rootArgs = rootField ? argumentsFor(context, rootField, 'root_') : undefined;
    if (!rootField || !rootArgs || !mayRead(context, operationType.name, options.root.field)) return { missing: [`${operationType.name}.${options.root.field}`, ...missing], variables: [] };
    body = `${options.root.field}${rootArgs.text} { ${body} }`;
    variables.unshift(...rootArgs.variables);
  }
  const definitions = variables.map((v) => `$${v.name}: ${v.type}`).join(', ');
  return { document: `${options.kind} ${options.name}${definitions ? `(${definitions})` : ''} { ${body} }`, missing, variables };
}

/** The variables object for one request: bag values by key, input objects built from the bag. */
export function variablesFrom(schema: GraphQLSchema, operation: BuiltOperation, bag: ArgumentBag): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const variable of operation.variables) {
    if (variable.bagKey.startsWith('input:')) {
      const typeName = variable.type.replace(/[[\]!]/g, '');
      const type = schema.getType(typeName);
      values[variable.name] = type && isInputObjectType(type) ? inputValue(bag, type) : {};
    } else {
      values[variable.name] = bag[variable.bagKey];
    }
  }
  return values;
}

export const isListField = (field: GraphQLField<unknown, unknown>) => isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
