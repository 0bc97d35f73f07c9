import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Screens load on first visit, each in its own chunk, and so do the signed-in frame (menu, header) and the routes
 * around the screens, so the first page (usually the login) downloads only what it shows. A module exports its
 * screens by name.
 */
const loaders: Array<() => Promise<unknown>> = [];

export function screen<M extends Record<K, ComponentType<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  loaders.push(load);
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/** Loads every screen's chunk now, and the screens those chunks declare (tests do, so no screen waits for its module). */
export async function preloadScreens(): Promise<void> {
  for (let done = 0; done < loaders.length;) {
    const batch = loaders.slice(done);
    done = loaders.length;
    await Promise.all(batch.map((load) => load()));
  }
}
