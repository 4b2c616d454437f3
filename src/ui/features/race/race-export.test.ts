import { describe, expect, it } from 'vitest';
import { raceCsv } from './race-export';

const trail = (points: number[][]) => ({ points: new Float32Array(points.flat()), length: points.length });

describe('the trajectories as CSV', () => {
  it('has one row per racer per step, labels quoted where they need it', () => {
    const csv = raceCsv([
      { label: 'SGD, fast', name: 'sgd', color: '#000', status: '', trail: trail([[-9, 2, 9.62], [-8.5, -1.5, 7]]) },
      { label: 'Adam', name: 'adam', color: '#111', status: '', trail: trail([[-9, 2, 9.62]]) },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('optimizer,keras_name,step,x,y,loss');
    expect(lines.slice(1, 4)).toEqual([`"SGD, fast",sgd,0,-9,2,${Math.fround(9.62)}`, '"SGD, fast",sgd,1,-8.5,-1.5,7', `Adam,adam,0,-9,2,${Math.fround(9.62)}`]);
    expect(lines).toHaveLength(5);
  });

  it('writes only the points a trail holds, not its spare capacity', () => {
    const roomy = { points: new Float32Array(300), length: 2 };
    expect(raceCsv([{ label: 'A', name: 'sgd', color: '#000', status: '', trail: roomy }]).split('\r\n')).toHaveLength(4);
  });
});
