// Smallest values that satisfy a schema of the spec, for calling every operation with valid arguments.
import { sampleFromPattern } from './sampleFromPattern';

type Schema = Record<string, any>;

export function createValueSynthesizer(spec: Schema) {
  const deref = (node: Schema | undefined): Schema | undefined => {
    if (!node?.$ref) return node;
    const [, , section, name] = String(node.$ref).split('/');
    return deref(spec.components[section!][name!]);
  };

  const stringFor = (schema: Schema): string => {
    if (schema.format === 'email') return 'user@example.com';
    if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com/path';
    if (schema.format === 'date-time') return '2024-01-01T00:00:00Z';
    if (schema.format === 'date') return '2024-01-01';
    if (
      typeof schema.example === 'string' &&
      (!schema.pattern || new RegExp(schema.pattern).test(schema.example))
    ) {
      return schema.example;
    }
    if (schema.pattern) return sampleFromPattern(schema.pattern);
    const length = Math.max(schema.minLength ?? 0, 6);
    const candidate = 'abcdefghijklmnop'.repeat(4).slice(0, Math.min(length, schema.maxLength ?? length));
    return candidate;
  };

  const value = (raw: Schema | undefined, depth = 0): unknown => {
    const schema = deref(raw);
    if (!schema || depth > 6) return undefined;
    if (schema.allOf) {
      return Object.assign({}, ...schema.allOf.map((part: Schema) => value(part, depth + 1)));
    }
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives && schema.properties) {
      // an object whose alternatives only add required keys: satisfy the first
      const required = [...(schema.required ?? []), ...(deref(alternatives[0])?.required ?? [])];
      return value({ ...schema, oneOf: undefined, anyOf: undefined, required }, depth);
    }
    if (alternatives) return value(alternatives[0], depth + 1);
    if (schema.enum) return schema.enum.find((entry: unknown) => entry !== null);
    if (schema.default !== undefined && schema.default !== null) return schema.default;
    switch (schema.type) {
      case 'string':
        return schema.format === 'binary'
          ? new Blob(['file-bytes'], { type: 'image/png' })
          : stringFor(schema);
      case 'integer':
      case 'number':
        return Math.min(
          Math.max((schema.minimum ?? 1) + (schema.exclusiveMinimum ? 1 : 0), 1),
          schema.maximum ?? 1e9,
        );
      case 'boolean':
        return true;
      case 'array': {
        const item = value(schema.items, depth + 1);
        return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => item);
      }
      default: {
        const result: Record<string, unknown> = {};
        for (const key of schema.required ?? []) result[key] = value(schema.properties?.[key], depth + 1);
        return result;
      }
    }
  };

  return { value, deref };
}
