import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// AntD calls matchMedia; jsdom has none.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
// Without explicit cleanup, AntD timers can fire after jsdom teardown.
afterEach(() => cleanup());
