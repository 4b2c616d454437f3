/**
 * Why a setup cannot start yet: every problem, each a button that focuses its field
 * (found by the field id its config path gives), with the same message that sits
 * beside the field. A link's problem is a box of its own, until dismissed.
 */
import { fieldId } from './field';

export function ProblemList({ id, problems, label }: { id: string; problems: readonly (readonly [string, string])[]; label: (path: string) => string }) {
  if (problems.length === 0) return null;
  return (
    <div className="error-box" id={id}>
      <p>{problems.length === 1 ? 'One problem' : `${problems.length} problems`} to fix before starting:</p>
      <ul>
        {problems.map(([path, message]) => (
          <li key={path}>
            <button type="button" className="link" onClick={() => document.getElementById(fieldId(path))?.focus()}>
              {label(path)}
            </button>
            : {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
