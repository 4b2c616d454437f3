/**
 * The optimizer race: optimizers from the registry stepping side by side on a 2-D loss
 * surface, in the race worker; the surface and trails on canvases, each racer's live
 * state beside them, the set-up below. Projector mode enlarges and darkens everything,
 * gives the picture the width (the cards move below it) and names the racers beside it;
 * hidden controls leave the picture, for a demo opened from a link.
 */
import { useRef, useState } from 'react';
import { stateViews } from '../../../engine/race/state-view';
import { surfaces } from '../../../engine/surfaces';
import { useCatalog } from '../../app/catalog-context';
import { DismissibleAlert } from '../../components/dismissible-alert';
import { downloadBlob, downloadText, safeFileName } from '../../components/download';
import { runColor } from '../../components/palette';
import { specOf } from '../config/form-model';
import { formatValue } from '../live-charts/format';
import { RaceCanvas } from './race-canvas';
import { racePng, raceCsv, type ExportedRacer } from './race-export';
import { RaceKey } from './race-key';
import { NO_ARROWS } from './race-settings';
import { RaceSetup } from './race-setup';
import { RACE_KEYS } from './race-shortcuts';
import { RaceStatus, RaceToolbar } from './race-toolbar';
import { RacerCard } from './racer-card';
import { useRaceDriver } from './use-race-driver';
import { useRaceKeys } from './use-race-keys';
import { useRaceSettings } from './use-race-settings';
import { useRaceState, useRaceStore } from './use-race-store';
import './race.css';

export default function RacePage() {
  const catalog = useCatalog();
  const { settings, update, errors, setup, linkProblem, dismissLinkProblem } = useRaceSettings(catalog);
  const store = useRaceStore();
  const state = useRaceState(store);
  const driver = useRaceDriver(store, state, setup, settings, update);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [exportProblem, setExportProblem] = useState<string>();

  const surface = surfaces[settings.surface];
  const colors = settings.runs.map((_, i) => runColor(i));
  const arrows = settings.runs.map((run) => settings.arrows[run.key] ?? NO_ARROWS);
  const labels = settings.runs.map((run) => run.label || specOf(catalog.optimizerSpecs, run.optimizer).label);
  // A state from before the racers changed belongs to no one now.
  const racerStates = settings.runs.map((run, i) => (state.states[i]?.id === run.key ? state.states[i] : undefined));
  const fileBase = safeFileName(`race-${settings.surface}`);
  const toggleControls = () => update((s) => ({ ...s, controls: !s.controls }));

  useRaceKeys({
    playPause: driver.toggle,
    step: driver.step,
    reset: driver.reset,
    projector: () => update((s) => ({ ...s, projector: !s.projector })),
    controls: toggleControls,
  });

  const exported = (): ExportedRacer[] =>
    (store?.trails() ?? []).map((trail, i) => {
      const racer = state.states[i];
      const status = racer?.diverged ? `diverged at step ${racer.divergedAtStep}` : racer ? `step ${racer.step} · loss ${formatValue(racer.loss)}` : '';
      return { label: labels[i] ?? '', name: settings.runs[i]?.optimizer ?? '', color: colors[i]!, trail, status };
    });
  const saveCsv = () => downloadText(raceCsv(exported()), `${fileBase}.csv`, 'text/csv');
  const savePng = async () => {
    setExportProblem(undefined);
    try {
      if (!canvas.current) throw new Error('Nothing drawn yet.');
      downloadBlob(await racePng(canvas.current, `${surface.label}: ${surface.formula}`, exported()), `${fileBase}.png`);
    } catch (error) {
      setExportProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main className={`race${settings.projector ? ' race-projector' : ''}`}>
      {linkProblem && <DismissibleAlert text={linkProblem} onDismiss={dismissLinkProblem} />}
      <div className="race-head">
        <h2>
          Optimizer race on {surface.label} <code className="race-formula">{surface.formula}</code>
        </h2>
        <RaceStatus state={state} />
        {!settings.controls && (
          <button type="button" className="small race-show-controls" onClick={toggleControls} aria-keyshortcuts={RACE_KEYS.controls.keys}>
            Show controls
          </button>
        )}
      </div>
      {settings.controls && (
        <RaceToolbar
          state={state}
          canRun={setup !== undefined}
          speed={settings.speed}
          projector={settings.projector}
          onPlay={driver.play}
          onPause={driver.pause}
          onStep={driver.step}
          onReset={driver.reset}
          onSpeed={(speed) => update((s) => ({ ...s, speed }))}
          onProjector={(projector) => update((s) => ({ ...s, projector }))}
          onHideControls={toggleControls}
          onPng={() => void savePng()}
          onCsv={saveCsv}
          exportProblem={exportProblem}
        />
      )}
      {state.error && (
        <div role="alert" className="error-box">
          <p>{state.error.message}</p>
        </div>
      )}
      <div className="race-layout">
        <figure className="race-figure">
          <RaceCanvas
            surfaceName={settings.surface}
            store={store}
            generation={state.generation}
            states={state.states}
            colors={colors}
            arrows={arrows}
            start={settings.start}
            projector={settings.projector}
            onStart={(start) => update((s) => ({ ...s, start }))}
            canvasRef={canvas}
            beside={settings.projector ? <RaceKey racers={settings.runs.map((run, i) => ({ key: run.key, label: labels[i]!, color: colors[i]!, state: racerStates[i] }))} /> : undefined}
          />
          <figcaption className="race-legend">
            Colour: log₁₀ of the loss above its minimum, with a contour every quarter decade. ★ minimum, ▲ maximum, ■ saddle, ○ start, ● each
            optimizer now, ✕ diverged. Arrows point downhill (−∇f, dashed) and along the momentum (solid); their length grows with the log of the
            magnitude.
          </figcaption>
        </figure>
        <div className="racer-list">
          {settings.runs.map((run, i) => {
            const resolved = setup ? catalog.resolveOptimizerConfig(setup.entries[i]!.optimizer) : undefined;
            return (
              <RacerCard
                key={run.key}
                index={i}
                label={labels[i]!}
                color={colors[i]!}
                spec={specOf(catalog.optimizerSpecs, run.optimizer)}
                state={racerStates[i]}
                arrows={arrows[i]!}
                keepsMomentum={resolved ? stateViews[resolved.name].keepsMomentum(resolved.hyperparameters as unknown as Record<string, unknown>) : true}
                onArrows={(next) => update((s) => ({ ...s, arrows: { ...s.arrows, [run.key]: next } }))}
              />
            );
          })}
        </div>
      </div>
      {settings.controls && <RaceSetup settings={settings} errors={errors} update={update} />}
    </main>
  );
}
