import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

/**
 * A provider its library keeps to itself (not in its public index), found by
 * class name in the running app, for tests that hold it against what the API answers.
 */
export function providerNamed<T>(app: INestApplicationContext, name: string): T {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      if (wrapper.name === name && wrapper.instance) return wrapper.instance as T;
    }
  }
  throw new Error(`No provider named ${name} in the app`);
}
