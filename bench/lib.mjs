// Shared reporting for the benchmarks. Tasks run side by side in one process, interleaved in rounds
// (A, B, C, A, B, C, ...) so that load from elsewhere on the machine hits every task alike; each task's
// figure is its median round. Prints a markdown table with each task's ratio to a named floor task.

async function timeBatch(fn, iterations) {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return (performance.now() - start) / iterations;
}

export async function compare(title, tasks, { floor, rounds = 15, roundMs = 60 } = {}) {
  const entries = Object.entries(tasks);
  const iterations = new Map();
  for (const [name, fn] of entries) {
    const probe = await timeBatch(fn, 50); // also warms up
    iterations.set(name, Math.max(5, Math.round(roundMs / Math.max(probe, 0.001))));
  }
  const samples = new Map(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of entries) samples.get(name).push(await timeBatch(fn, iterations.get(name)));
  }
  const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ms = new Map([...samples].map(([name, values]) => [name, median(values)]));
  const base = ms.get(floor);
  console.log(`### ${title}\n`);
  console.log('| task | median (µs) | ops/s | ratio to floor |');
  console.log('|---|---:|---:|---:|');
  for (const [name, m] of ms) {
    console.log(
      `| ${name} | ${(m * 1000).toFixed(1)} | ${Math.round(1000 / m)} | ${(m / base).toFixed(2)}x |`,
    );
  }
  console.log('');
  return Object.fromEntries([...ms].map(([name, m]) => [name, m / base]));
}
