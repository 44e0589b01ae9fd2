// The page-side half of the test bridge, plain browser JavaScript (it is injected as text, so
// it must not depend on any compiler's helpers). `config` is prepended by client.ts.
/* global config, window, EventSource */
(() => {
  const api = {};
  for (const name of config.methods) {
    api[name] = async (args) => {
      const response = await fetch(`/__bridge/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
      return response.json();
    };
  }
  const listeners = new Map();
  let stream = null;
  const on = (event, listener) => {
    if (!config.events.includes(event)) throw new Error(`Unknown event ${event}`);
    if (!stream) {
      stream = new EventSource('/__bridge/events');
      for (const name of config.events) {
        stream.addEventListener(name, (e) => {
          const payload = JSON.parse(e.data);
          listeners.get(name)?.forEach((l) => l(payload));
        });
      }
    }
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, config.global, { value: Object.freeze({ api: Object.freeze(api), on }) });
})();
