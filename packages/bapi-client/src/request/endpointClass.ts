import { defineOperation, type ResourceClass } from './operation';
import type { RequestFunction } from './types';

/** A generated group's class: `new XEndpoints(request)` gives its methods; 0.x groups extend it. */
export type EndpointClass<T> = new (
  request: RequestFunction,
) => T & {
  /** The request function the methods call. */
  readonly request: RequestFunction;
};

/** method name -> [compact operation form, the class (or classes) its response becomes]. */
type MethodTable = Record<string, [form: string, resource?: ResourceClass | readonly ResourceClass[]]>;

/**
 * A class whose prototype has one method per table entry, each a plain class method in behaviour
 * (non-enumerable): its path ids come first (one per `{placeholder}` of the form), then its query or body
 * when the form has one, then the per-call options. Far smaller than one written-out method per operation;
 * the form is read on the method's first call (`defineOperation` keeps it), so building the class at import
 * is one function and one property per method.
 */
export function endpointClass<T>(methods: MethodTable): EndpointClass<T> {
  class Endpoints {
    constructor(readonly request: RequestFunction) {}
  }
  for (const name in methods) {
    const [form, resource] = methods[name]!;
    // a computed method name, so the function is named after its method (`users.banUser.name`)
    const method = {
      [name](this: Endpoints, ...args: unknown[]) {
        const operation = defineOperation(form, resource);
        // `args` is this call's own array: the ids are taken off its front, then the input if there is one
        const ids = args.splice(0, operation.path.split('{').length - 1) as string[];
        const input = operation.input ? args.shift() : undefined;
        return this.request(operation, ids, input, args[0] as Parameters<RequestFunction>[3]);
      },
    }[name];
    Object.defineProperty(Endpoints.prototype, name, { configurable: true, writable: true, value: method });
  }
  return Endpoints as unknown as EndpointClass<T>;
}
