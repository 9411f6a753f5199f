/**
 * Every programme Wengang knows. Adding a programme: create policies/<id>/programme.ts exporting
 * `programme`, then add it to this list (one line).
 */
import { createRegistry, type ProgrammeDefinition } from '@wengang/engine';
// programme imports (one per line, keep sorted)

export const programmes: ProgrammeDefinition[] = [
  // programme list (one per line, keep sorted)
];

export const registry = createRegistry(programmes);
