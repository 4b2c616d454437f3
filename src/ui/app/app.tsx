/** Layout only. The lab's panels arrive with the browser issue; the engine runs from the CLI today. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '2rem auto', lineHeight: 1.5 }}>
      <h1>Optimizer Lab</h1>
      <p>
        The training engine is in place and runs from the command line (<code>npm run experiment</code>). The
        in-browser lab, with live curves and WebGL training in a worker, is the next milestone.
      </p>
    </main>
  );
}
