/** The JSON Schema of a programme's facts, as published by `wengang programmes` and the API. */
import { z } from 'zod';
import type { ProgrammeDefinition } from './types';

/**
 * JSON Schema (draft 2020-12) of what a caller sends as `facts`: the schema's input side, so
 * fields with defaults are optional. Parts JSON Schema cannot express (refinements, transforms)
 * are left open rather than failing.
 */
export function factsJsonSchema(programme: ProgrammeDefinition): Record<string, unknown> {
  return z.toJSONSchema(programme.facts, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
