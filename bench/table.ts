// Prints benchmark results as aligned plain-text tables.

/** One table: a title, column names and rows of cells. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/** Renders a table with right-aligned numbers and left-aligned text. */
export function formatTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, c) =>
    Math.max(...cells.map((row) => (row[c] ?? '').length)),
  );
  const line = (row: string[], original?: (string | number)[]) =>
    row
      .map((cell, c) =>
        typeof original?.[c] === 'number'
          ? cell.padStart(widths[c] ?? 0)
          : cell.padEnd(widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const header = line(table.columns);
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = table.rows.map((row) => line(row.map(String), row));
  return [`\n${table.title}`, header, rule, ...body].join('\n');
}
