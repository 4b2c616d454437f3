// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { FakeConnection } from '../../tests/helpers/fake-connection';
import { MemoryRepository } from '../../tests/helpers/memory-repository';
import { createLabStore } from './lab-store';
import { LabStoreContext, useLabActions, useLabState } from './use-lab-state';

async function setup() {
  const host = new FakeConnection();
  const store = createLabStore({ repository: new MemoryRepository(), host });
  await store.ready;
  const wrapper = ({ children }: { children: ReactNode }) => createElement(LabStoreContext.Provider, { value: store }, children);
  return { host, store, wrapper };
}

describe('useLabState', () => {
  it('renders the selected slice and updates when it changes', async () => {
    const { host, store, wrapper } = await setup();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        return useLabState((state) => state.backend?.name ?? 'none');
      },
      { wrapper },
    );
    expect(result.current).toBe('none');
    const before = renders;
    await act(async () => {
      host.emit({ v: PROTOCOL_VERSION, type: 'ready', backend: { name: 'cpu', float32: true, reason: 'test', inWorker: true } });
      await store.settled();
    });
    expect(result.current).toBe('cpu');
    await act(async () => store.actions.dismissNotice());
    expect(renders).toBe(before + 1);
  });

  it('accepts a selector that derives a new object without looping', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(() => useLabState((state) => ({ count: state.history.length })), { wrapper });
    expect(result.current).toEqual({ count: 0 });
  });

  it('gives the actions', async () => {
    const { store, wrapper } = await setup();
    const { result } = renderHook(() => useLabActions(), { wrapper });
    expect(result.current).toBe(store.actions);
  });
});
