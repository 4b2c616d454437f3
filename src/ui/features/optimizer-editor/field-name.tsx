import { Fragment } from 'react';

/**
 * A Keras hyperparameter name as code, breakable after each underscore: unbroken,
 * `initial_accumulator_value` is wider than a field's column and ran into the next
 * field's label ("initial_accumulator_valueepsilon").
 */
export function FieldName({ name }: { name: string }) {
  return (
    <code>
      {name.split('_').map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              _<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </code>
  );
}
