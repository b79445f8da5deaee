// A [from, to) pair of date fields: picking a start moves an empty or earlier end to the next day.
import { nextDay } from '../lib/format';
import { Field } from './ui';

interface Props {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  fromLabel?: string;
  toLabel?: string;
  required?: boolean;
  autoFocus?: boolean;
}

export function DateRange({ from, to, onChange, fromLabel = 'From (first day)', toLabel = 'To (the day after the last)',
  required = false, autoFocus = false }: Props) {
  return (
    <>
      <Field label={fromLabel}>
        {(id) => <input id={id} type="date" value={from} required={required} autoFocus={autoFocus} onInput={(e) => {
          const v = (e.target as HTMLInputElement).value;
          onChange(v, v && (!to || to <= v) ? nextDay(v) : to);
        }} />}
      </Field>
      <Field label={toLabel}>
        {(id) => <input id={id} type="date" value={to} required={required} min={from || undefined}
          onInput={(e) => onChange(from, (e.target as HTMLInputElement).value)} />}
      </Field>
    </>
  );
}
