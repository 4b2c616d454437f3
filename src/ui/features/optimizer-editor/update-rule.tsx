/** An optimizer's update rule, on request: the equations and the same in words. */
import type { UpdateRule as Rule } from '../../../engine/optimizers/types';
import { Fold } from '../../components/fold';

export function UpdateRule({ name, rule }: { name: string; rule: Rule }) {
  return (
    <Fold summary={`Update rule of ${name}`} className="update-rule">
      <pre className="formula" aria-label={`${name} update rule as equations`}>
        {rule.formula}
      </pre>
      <p>{rule.words}</p>
      <p className="field-help">g is the gradient, t the step (from 1), lr the learning rate.</p>
    </Fold>
  );
}
