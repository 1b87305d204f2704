/** Loads something asynchronous for a component, again whenever its inputs change. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface AsyncState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Loads again with the same inputs (after a decision, say). */
  reload(): void;
}

/**
 * Runs `load` when `inputs` change; answers of superseded loads are dropped, so a slow answer
 * to an old filter never overwrites the answer to the new one.
 */
export function useAsync<T>(load: () => Promise<T>, inputs: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => ticket === latest.current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => ticket === latest.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    // `load` is a fresh closure each render; `inputs` say when it means something new.
  }, [...inputs, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
