// Preloaded by `deno task test:doc`: a documentation example's
// `console.assert(...)` must fail the example, not just print to stderr.
const original = console.assert.bind(console);
console.assert = (condition?: boolean, ...data: unknown[]): void => {
  if (condition) return;
  original(condition, ...data);
  throw new Error(`console.assert failed in an example: ${data.map(String).join(" ")}`);
};
