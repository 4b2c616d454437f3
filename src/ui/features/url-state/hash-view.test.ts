import { describe, expect, it } from 'vitest';
import { viewOfHash } from './hash-view';

describe('the view a hash asks for', () => {
  it('is the race for #race and #race=…, the lab otherwise', () => {
    expect(viewOfHash('#race')).toBe('race');
    expect(viewOfHash('#race=eyJ2IjoxfQ')).toBe('race');
    expect(viewOfHash('')).toBe('lab');
    expect(viewOfHash('#config=eyJ2IjoxfQ')).toBe('lab');
    expect(viewOfHash('#racecar')).toBe('lab');
  });
});
