/** The providers a panel needs, for component tests: the real catalog, a fake store, a form. */
import { createElement, type ReactNode } from 'react';
import type { ExperimentConfigInput } from '../../engine/experiment/config';
import { CatalogProvider } from '../app/catalog-context';
import { LabStoreProvider, type LabStore } from '../app/lab-store-context';
import { catalog } from '../catalog/catalog-data';
import { ConfigFormProvider } from '../features/config/config-form-context';
import { createFakeStore } from './fake-store';

export function labTree(children: ReactNode, options: { store?: LabStore; config?: ExperimentConfigInput } = {}): ReactNode {
  const store = options.store ?? createFakeStore();
  const form = createElement(ConfigFormProvider, { initialConfig: options.config, children });
  return createElement(CatalogProvider, { catalog, children: createElement(LabStoreProvider, { store, children: form }) });
}
