/** The optimizer race on 2-D surfaces: the stepper (tfjs) and its plain-data types. */
export { RaceStepper, type PointSink } from './stepper';
export { stateViews, type StateView } from './state-view';
export {
  MAX_RACE_ENTRIES,
  type EffectiveStep,
  type RaceEntrySpec,
  type RaceEntryState,
  type RaceSetup,
  type SlotValue,
  type Vec2,
} from './types';
