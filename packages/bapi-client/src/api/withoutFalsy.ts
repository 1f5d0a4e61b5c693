/** 0.x left falsy query values (undefined, null, false, 0, '') off the wire; its methods keep doing so. */
export function withoutFalsy<T extends object>(params: T): Partial<T> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value)) as Partial<T>;
}
