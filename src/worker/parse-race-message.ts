/**
 * Checks what the page sends the race worker: version, type, shape. The optimizers'
 * hyperparameters are left to the engine (RaceStepper builds them with the registry's
 * resolver, whose ConfigError names the exact field).
 */
import { z } from 'zod';
import { MAX_RACE_ENTRIES } from '../engine/race/types';
import { SURFACE_NAMES } from '../engine/surfaces';
import { RACE_MAX_STEPS, RACE_MAX_STEPS_PER_SECOND, RACE_PROTOCOL_VERSION, type ToRaceWorker, type ToRaceWorkerType } from '../protocol/race-messages';
import { parseMessage, type ParsedMessage } from './message-parser';

const version = z.literal(RACE_PROTOCOL_VERSION);
const coordinate = z.number().finite();

const setup = z.object({
  surface: z.enum(SURFACE_NAMES),
  start: z.object({ x: coordinate, y: coordinate }),
  entries: z
    .array(z.object({ id: z.string().min(1), optimizer: z.object({ name: z.string() }).passthrough() }))
    .min(1)
    .max(MAX_RACE_ENTRIES),
});

const schemas = {
  configure: z.object({ v: version, type: z.literal('configure'), generation: z.number().int().nonnegative(), setup }),
  play: z.object({ v: version, type: z.literal('play') }),
  pause: z.object({ v: version, type: z.literal('pause') }),
  step: z.object({ v: version, type: z.literal('step'), count: z.number().int().min(1).max(RACE_MAX_STEPS) }),
  speed: z.object({ v: version, type: z.literal('speed'), stepsPerSecond: z.number().positive().max(RACE_MAX_STEPS_PER_SECOND) }),
} satisfies Record<ToRaceWorkerType, z.ZodType>;

export function parseToRaceWorker(data: unknown): ParsedMessage<ToRaceWorker> {
  return parseMessage<ToRaceWorker, ToRaceWorkerType>(data, { version: RACE_PROTOCOL_VERSION, who: 'race worker', schemas });
}
