import { emptyObjectWhenMissing, nullWhenEmpty, nullWhenMissing, toList, toNested, toUrl } from './convert';

interface NestedClass {
  fromJSON(json: any): unknown;
}

/** One field of a table: the instance field, the JSON key, a conversion code and the nested class it uses. */
type Field = [name: string, key: string, conversion: string, nestedIndex: number];

/** Tables are parsed once, on the first instance of their class; every later instance reuses the parse. */
const parsedTables = new Map<string, Field[]>();

/** The generator's field naming: each `_`, `-` or `.` run before a letter or digit becomes that character upper-cased. */
export function camelCase(key: string): string {
  return key.replace(/[_\-.]+([a-zA-Z0-9])/g, (_, next: string) => next.toUpperCase());
}

/** `key` or `key=fieldName`, either followed by `:code` (l or n + nested index; u, e, m, z). */
function parseField(entry: string): Field {
  const [named, conversion = ''] = entry.split(':');
  const [key, name = camelCase(key!)] = named!.split('=');
  return [name, key!, conversion.charAt(0), Number(conversion.slice(1))];
}

/** The conversion a field's code names: the same functions the generated constructors call. */
function convert(code: string, value: unknown, nested: NestedClass | undefined): unknown {
  switch (code) {
    case 'l':
      return toList(value, nested!);
    case 'n':
      return toNested(value, nested!);
    case 'u':
      return toUrl(value);
    case 'e':
      return emptyObjectWhenMissing(value);
    case 'm':
      return nullWhenMissing(value);
    case 'z':
      return nullWhenEmpty(value);
    default:
      return value;
  }
}

/**
 * Copies the fields a generated resource class lists in `table` from its JSON onto the instance, in table
 * order (so every instance of a class shares one shape); `nested` are the classes its `l`/`n` fields build.
 */
export function assignFields(target: object, json: object, table: string, ...nested: NestedClass[]): void {
  let fields = parsedTables.get(table);
  if (!fields) {
    fields = table.split(' ').map(parseField);
    parsedTables.set(table, fields);
  }
  const source = json as Record<string, unknown>;
  const instance = target as Record<string, unknown>;
  for (let index = 0; index < fields.length; index++) {
    const [name, key, conversion, nestedIndex] = fields[index]!;
    instance[name] = conversion ? convert(conversion, source[key], nested[nestedIndex]) : source[key];
  }
}
