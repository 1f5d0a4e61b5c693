import type { HttpMethod } from './operation';
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
 * when the form has one, then the per-call options. Far smaller than one written-out method per operation.
 */
export function endpointClass<T>(methods: MethodTable): EndpointClass<T> {
  class Endpoints {
    constructor(readonly request: RequestFunction) {}
  }
  for (const [name, [form, resource]] of Object.entries(methods)) {
    const [, path = '', ...flags] = form.split(' ') as [HttpMethod, string, ...string[]];
    const pathIds = path.split('{').length - 1;
    const takesInput = flags.some(flag => flag === 'query' || flag === 'json' || flag === 'multipart');
    // a computed method name, so the function is named after its method (`users.banUser.name`)
    const { [name]: method } = {
      [name](this: Endpoints, ...args: unknown[]) {
        return this.request(
          defineOperation(form, resource),
          args.slice(0, pathIds) as string[],
          takesInput ? args[pathIds] : undefined,
          args[takesInput ? pathIds + 1 : pathIds] as Parameters<RequestFunction>[3],
        );
      },
    };
    Object.defineProperty(Endpoints.prototype, name, { configurable: true, writable: true, value: method });
  }
  return Endpoints as unknown as EndpointClass<T>;
}
