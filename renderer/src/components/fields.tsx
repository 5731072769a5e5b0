import { useEffect, useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { limitsText, numberLimits, numberProblem } from '../forms/number-limits';

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  /** `undefined`: an optional field left empty; `NaN`: a required field left empty or not a number. */
  onChange(value: number | undefined): void;
  /** The contract's schema for this value: its limits are shown next to the field and checked as the user types. */
  schema?: z.ZodType;
  step?: number;
  disabled?: boolean;
  testId?: string;
  help?: string;
}

function parse(text: string, optional: boolean): number | undefined {
  if (text.trim() === '') return optional ? undefined : Number.NaN;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * A labelled number input with the allowed range beside it and an inline message when the value is outside it.
 * An empty optional field means "not set".
 */
export function NumberField({ label, value, onChange, schema, step, disabled, testId, help }: NumberFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const limits = schema ? numberLimits(schema) : undefined;
  const optional = limits?.optional ?? false;
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  useEffect(() => {
    // Follow values set from outside (e.g. carried over from another step) without fighting the user's typing.
    if (parse(text, optional) !== value && !(Number.isNaN(value) && Number.isNaN(parse(text, optional))))
      setText(value === undefined || Number.isNaN(value) ? '' : String(value));
  }, [value]);
  const problem = schema ? numberProblem(schema, parse(text, optional)) : undefined;
  const range = limits ? limitsText(limits) : '';
  return (
    <div className={problem ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        value={text}
        min={limits?.min}
        max={limits?.max}
        step={step ?? (limits && !limits.integer ? 'any' : 1)}
        disabled={disabled}
        placeholder={optional ? t('wizard.field.all') : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-limits`}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value, optional));
        }}
      />
      {range ? (
        <small className="field-limits" id={`${id}-limits`} data-testid={testId ? `${testId}-limits` : undefined}>
          {range}
        </small>
      ) : null}
      {problem ? (
        <small className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {problem}
        </small>
      ) : null}
      {help ? <small className="field-help">{help}</small> : null}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        data-testid={props.testId}
        spellCheck={false}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  testId?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card">
      <header className="card-header">
        <h2>{title}</h2>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function Stat({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}
