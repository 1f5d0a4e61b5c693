// Shared reporting for the benchmarks: run tasks side by side in one process, print a markdown table of
// mean latency and each task's ratio to a named floor task.
import { Bench } from 'tinybench';

export async function compare(title, tasks, { floor, time = 1500, warmupTime = 300 } = {}) {
  const bench = new Bench({ name: title, time, warmupTime });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const mean = name => bench.getTask(name).result.latency.mean;
  const base = mean(floor);
  console.log(`### ${title}\n`);
  console.log('| task | mean (µs) | ops/s | ratio to floor |');
  console.log('|---|---:|---:|---:|');
  for (const task of bench.tasks) {
    const m = task.result.latency.mean;
    console.log(`| ${task.name} | ${(m * 1000).toFixed(1)} | ${Math.round(1000 / m)} | ${(m / base).toFixed(2)}x |`);
  }
  console.log('');
  return Object.fromEntries(bench.tasks.map(t => [t.name, t.result.latency.mean / base]));
}
