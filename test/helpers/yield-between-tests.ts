// Vitest setup: after each test, give the worker's event loop one turn. Tests that run child processes
// synchronously (the CLI tests) would otherwise hold it for the whole file, and on a loaded machine the worker's
// report to vitest ("onTaskUpdate") times out after 60 s although every test passed.
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
