// Validates a draft with the API as the user edits: debounced, the previous request aborted, the last answer kept
// while the next one is on its way (so counts do not flicker).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Validation } from './api';
import { isAbort } from './http';

export interface ValidationState {
  result?: Validation;
  pending: boolean;
  error?: unknown;
}

export function useValidation<T>(doc: T | undefined, validate: (doc: T, signal: AbortSignal) => Promise<Validation>,
  delayMs = 300): ValidationState {
  const [state, setState] = useState<ValidationState>({ pending: doc !== undefined });
  const key = doc === undefined ? undefined : JSON.stringify(doc);
  const validateRef = useRef(validate);
  validateRef.current = validate;
  useEffect(() => {
    if (doc === undefined) return undefined;
    setState((s) => ({ ...s, pending: true }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      validateRef.current(doc, controller.signal).then(
        (result) => setState({ result, pending: false }),
        (error) => { if (!isAbort(error)) setState((s) => ({ result: s.result, pending: false, error })); });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);
  return state;
}
