/** The race page, loaded on first use: the lab's first paint carries none of it. */
import { lazy } from 'react';

export const RacePage = lazy(() => import('./race-page'));
