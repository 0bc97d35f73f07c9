import { afterEach, beforeAll } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// AntD screens take a while to render in jsdom on two cores, longer while the server suites run beside them.
configure({ asyncUtilTimeout: 15_000 });

// AntD calls matchMedia; jsdom has none.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
// AntD tables and menus observe their size; jsdom has no ResizeObserver.
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}
// Without explicit cleanup, AntD timers can fire after jsdom teardown.
afterEach(() => cleanup());

// Screens are loaded lazily in the app; tests load them once up front so no test waits on a module.
beforeAll(async () => {
  const { preloadScreens } = await import('./app/routes.tsx');
  await preloadScreens();
}, 120_000);
