import { createContext, useContext, type ReactNode } from 'react';
import type { Catalog } from '../catalog/catalog';

const CatalogContext = createContext<Catalog | null>(null);

/** Engine metadata (optimizer specs, architectures, validators) for every panel. */
export function CatalogProvider({ catalog, children }: { catalog: Catalog; children: ReactNode }) {
  return <CatalogContext.Provider value={catalog}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): Catalog {
  const catalog = useContext(CatalogContext);
  if (!catalog) throw new Error('useCatalog needs a <CatalogProvider> above it');
  return catalog;
}
