/** A problem the person should read and may dismiss, e.g. why a link's setup was not loaded. */
export function DismissibleAlert({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  return (
    <div role="alert" className="error-box">
      <p>{text}</p>
      <button type="button" className="small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
