/** "Delete", which asks first: "Really delete" (focused) or "Keep". `name` ends the buttons' accessible names. */
import { useState } from 'react';

export function DeleteButton({ name, onDelete, disabled }: { name: string; onDelete: () => void; disabled?: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="small" onClick={() => setConfirming(true)} aria-label={`Delete ${name}`} disabled={disabled}>
        Delete
      </button>
    );
  }
  return (
    <>
      <button type="button" className="small danger" onClick={onDelete} aria-label={`Really delete ${name}`} autoFocus>
        Really delete
      </button>
      <button type="button" className="small" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </>
  );
}
