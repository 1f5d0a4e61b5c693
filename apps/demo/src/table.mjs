const columns = [
  ['', 'mark'],
  ['#', 'number'],
  ['step', 'step'],
  ['request', 'request'],
  ['http', 'http'],
  ['state', 'state'],
  ['details', 'details'],
];

/** The walkthrough as a plain-text table, one row per step. */
export function formatTable(rows) {
  const cells = rows.map((row, index) => ({
    ...row,
    mark: row.ok ? '✓' : '✗',
    number: String(index + 1),
    http: row.http === undefined ? '' : String(row.http),
  }));
  const widths = columns.map(([title, key]) =>
    Math.max(title.length, ...cells.map(cell => String(cell[key]).length)),
  );
  const line = values =>
    values
      .map((value, index) => String(value).padEnd(widths[index]))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map(([title]) => title)),
    line(widths.map(width => '-'.repeat(width))),
    ...cells.map(cell => line(columns.map(([, key]) => cell[key]))),
  ].join('\n');
}
