// A tiny assert that behaves the same in every runtime: no node:assert, no test-runner globals.

/** Thrown by every failed check; its message says what was expected and what came. */
export class ConformanceAssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ConformanceAssertionError';
  }
}

const show = value => {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 160 ? `${value.slice(0, 160)}…` : value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function fail(label, detail) {
  throw new ConformanceAssertionError(label ? `${label}: ${detail}` : detail);
}

async function caught(action) {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    return { error };
  }
  return null;
}

function checkError(error, expected, label) {
  for (const [field, value] of Object.entries(expected)) {
    if (field === 'instanceOf') {
      if (!(error instanceof value)) fail(label, `expected an instance of ${value.name}, got ${show(error)}`);
    } else if (value instanceof RegExp ? !value.test(String(error?.[field])) : error?.[field] !== value) {
      fail(
        label,
        `expected error.${field} ${value instanceof RegExp ? 'to match' : 'to be'} ${show(String(value))}, got ${show(error?.[field])} (${error})`,
      );
    }
  }
}

export const assert = {
  ok(value, label) {
    if (!value) fail(label, `expected a truthy value, got ${show(value)}`);
  },
  equal(actual, expected, label) {
    if (!Object.is(actual, expected)) fail(label, `expected ${show(expected)}, got ${show(actual)}`);
  },
  deepEqual(actual, expected, label) {
    if (show(actual) !== show(expected)) fail(label, `expected ${show(expected)}, got ${show(actual)}`);
  },
  includes(text, part, label) {
    if (typeof text !== 'string' || !text.includes(part))
      fail(label, `expected ${show(text)} to contain ${show(part)}`);
  },
  excludes(text, part, label) {
    if (typeof text !== 'string' || text.includes(part))
      fail(label, `expected ${show(text)} not to contain ${show(part)}`);
  },
  /** The action (a function or a promise) must throw or reject with an error whose fields match `expected`. */
  async rejects(action, expected, label) {
    const outcome = await caught(action);
    if (!outcome) fail(label, 'expected a rejection, but it resolved');
    checkError(outcome.error, expected, label);
  },
  throws(action, expected, label) {
    let error;
    try {
      action();
    } catch (thrown) {
      error = thrown;
    }
    if (error === undefined) fail(label, 'expected a throw, but it returned');
    checkError(error, expected, label);
  },
};
