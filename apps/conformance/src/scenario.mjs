/** A named check the harnesses run inside their runtime; `run(context)` throws or rejects to fail. */
export const scenario = (name, run) => ({ name, run });
