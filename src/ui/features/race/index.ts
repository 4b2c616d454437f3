/**
 * The race page, loaded on first use: the lab's first paint carries none of it. Its keys
 * come along eagerly for the lab's `?` list: a module of plain data that imports nothing.
 */
import { lazy } from 'react';

export const RacePage = lazy(() => import('./race-page'));
export { RACE_SHORTCUTS } from './race-shortcuts';
