/**
 * An import of a comparison the history holds already: nothing is written until the user
 * says whether the file's copy replaces the stored one or is kept beside it.
 */
import { useId } from 'react';
import './history.css';

export interface AlreadyStored {
  /** The file as read, to import again once the user has chosen. */
  readonly text: string;
  readonly fileName: string;
  /** The history's entry. */
  readonly name: string;
  readonly updatedAt: string;
}

export function AlreadyStoredQuestion({ question, onAnswer }: { question: AlreadyStored; onAnswer: (answer: 'replace' | 'keep-both' | 'cancel') => void }) {
  const id = useId();
  return (
    <div className="import-question" role="group" aria-labelledby={id}>
      <p id={id}>
        {question.fileName} holds “{question.name}”, which is already in the history (saved {new Date(question.updatedAt).toLocaleString()}). Replace
        the saved one with the file’s copy, or keep both?
      </p>
      <div className="import-question-actions">
        <button type="button" className="small" onClick={() => onAnswer('replace')}>
          Replace
        </button>
        <button type="button" className="small" onClick={() => onAnswer('keep-both')}>
          Keep both
        </button>
        <button type="button" className="small" onClick={() => onAnswer('cancel')}>
          Cancel
        </button>
      </div>
    </div>
  );
}
