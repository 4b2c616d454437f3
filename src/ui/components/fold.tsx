/**
 * A <details> section (keyboard-operable, announced as expandable) that opens by itself
 * when something inside needs attention, e.g. a field with an error, and otherwise stays
 * as the person left it.
 */
import { useEffect, useState, type ReactNode } from 'react';

export function Fold({ summary, open: forceOpen = false, children, className }: { summary: ReactNode; open?: boolean; children: ReactNode; className?: string }) {
  const [open, setOpen] = useState(forceOpen);
  useEffect(() => {
    if (forceOpen) setOpen(true);
  }, [forceOpen]);
  return (
    <details className={`fold ${className ?? ''}`} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}
