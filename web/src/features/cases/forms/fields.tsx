import { Checkbox, Group, NativeSelect, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A select whose options are codes translated under `cases:<prefix>.<code>`. */
export function CodeSelect<T extends string>(props: {
  label: string;
  prefix: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  error?: string;
}) {
  const { t } = useTranslation('cases');
  return (
    <NativeSelect
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as T)}
      data={props.options.map((o) => ({ value: o, label: t(`${props.prefix}.${o}`) }))}
      error={props.error}
    />
  );
}

/** Several codes at once, as labelled checkboxes (readable by screen readers and tests). */
export function CodeChecks<T extends string>(props: {
  label: string;
  prefix: string;
  options: readonly T[];
  value: T[];
  onChange: (value: T[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('cases');
  return (
    <Checkbox.Group
      label={props.label}
      value={props.value}
      onChange={(v) => props.onChange(v as T[])}
      error={props.error}
    >
      <Group gap="md" mt={4}>
        {props.options.map((o) => (
          <Checkbox key={o} value={o} label={t(`${props.prefix}.${o}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

export function Narrative(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
}) {
  return (
    <Textarea
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      autosize
      minRows={2}
      dir="auto"
    />
  );
}

/** Optional text: empty means "not given", so the server's "Required" never fires on optional fields. */
export const optional = (value: string) => (value.trim() ? value : undefined);
