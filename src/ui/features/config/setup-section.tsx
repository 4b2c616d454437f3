/**
 * One section of the setup (data, model, training, optimizers) that folds to its heading,
 * so a long setup is easier to take in. A section with a problem in it never stays
 * folded: the problem list's buttons focus its fields.
 */
import { useState, type ReactNode } from 'react';
import type { FieldErrors } from './form-to-config';

export interface SetupSectionProps {
  readonly title: string;
  readonly errors: FieldErrors;
  /** Config paths in this section start so (`dataset.`, `model.`). */
  readonly paths: readonly string[];
  readonly children: ReactNode;
}

export function SetupSection({ title, errors, paths, children }: SetupSectionProps) {
  const [folded, setFolded] = useState(false);
  const troubled = Object.keys(errors).some((path) => paths.some((prefix) => path.startsWith(prefix)));
  const shut = folded && !troubled;
  return (
    <div className="setup-section" data-folded={shut || undefined}>
      <button type="button" className="small section-fold" aria-expanded={!shut} aria-label={`${title} section`} onClick={() => setFolded(!shut)}>
        {shut ? 'Show' : 'Fold'}
      </button>
      {children}
    </div>
  );
}
