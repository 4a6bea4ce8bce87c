import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { FormInstance, SelectProps } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs, { type Dayjs } from 'dayjs';
import doc from '../api/openapi.json';
import { label } from '../i18n/messages';
import { useApp } from '../session';

/** The subset of JSON Schema the command schemas use (zod → OpenAPI 3.0 components). */
export interface JsonSchema {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Array<string | number>;
  format?: string;
  description?: string;
  maxLength?: number;
  nullable?: boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

const components = (doc as unknown as { components: { schemas: Record<string, JsonSchema> } })
  .components.schemas;

export const resolve = (s: JsonSchema): JsonSchema =>
  s.$ref ? resolve(components[s.$ref.replace('#/components/schemas/', '')] ?? {}) : s;

/** The JSON Schema of a task command (`<Type>Command` in the OpenAPI document). */
export const commandSchema = (type: string): JsonSchema | undefined => components[`${type}Command`];

/** Money is integer fen on the wire (named …Fen, or described as fen): shown and typed in ¥. */
export const isMoney = (name: string, s: JsonSchema): boolean =>
  s.type === 'integer' && (/Fen$/.test(name) || /\bfen\b/.test(s.description ?? ''));

const isDate = (s: JsonSchema) =>
  s.type === 'string' && (s.format === 'date' || s.format === 'date-time');

/** Form values → the command payload: ¥ → fen, dates → strings, empty optional parts dropped. */
export function toPayload(s: JsonSchema, value: unknown, name = ''): unknown {
  const schema = resolve(s);
  if (value === undefined || value === null || value === '') return undefined;
  if (schema.type === 'object' && schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(schema.properties)) {
      const v = toPayload(child, (value as Record<string, unknown>)[k], k);
      if (v !== undefined) out[k] = v;
      // A required nullable field left empty is null (`externalParty: null`), not missing.
      else if (resolve(child).nullable && (schema.required ?? []).includes(k)) out[k] = null;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (schema.type === 'array' && schema.items) {
    const items = schema.items;
    return (value as unknown[])
      .map((v) => toPayload(items, v, name))
      .filter((v) => v !== undefined);
  }
  if (isMoney(name, schema) && typeof value === 'number') return Math.round(value * 100);
  if (isDate(schema) && dayjs.isDayjs(value))
    return schema.format === 'date'
      ? (value as Dayjs).format('YYYY-MM-DD')
      : (value as Dayjs).toISOString();
  return value;
}

/**
 * An API issue path (`body.command.lossBasis.unitCostFen`) → the form field's name path. A task
 * form holds the command (`root: 'command'`; a bare `body.x` is the comment); an opening form
 * holds the whole body (`root: 'body'`).
 */
export const fieldOfIssue = (
  path: string,
  root: 'command' | 'body' = 'command',
): NamePath | undefined => {
  const parts = path.split('.');
  if (parts[0] !== 'body') return undefined;
  const whole = root === 'body';
  const rest = parts[1] === 'command' && !whole ? parts.slice(2) : parts.slice(1);
  if (parts[1] !== 'command' && !whole) return rest.length === 1 ? rest : undefined;
  if (rest.length === 0) return undefined;
  return rest.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
};

/**
 * A Select in a Form.Item: the item hands `aria-required` to its control, and antd's Select
 * puts it on its wrapper <div>, where ARIA does not allow it (axe: aria-allowed-attr). The
 * label's required mark still says it; the attribute is dropped.
 */
function FormSelect(props: SelectProps & { 'aria-required'?: unknown }) {
  const { 'aria-required': _required, ...rest } = props;
  return <Select {...rest} />;
}

function FieldLabel({ name, schema }: { name: string; schema: JsonSchema }) {
  const { lang } = useApp();
  return (
    <span title={schema.description}>
      {label(lang, name)}
      {schema.description && lang === 'en-US' ? ` — ${schema.description}` : ''}
    </span>
  );
}

function Field({
  name,
  path,
  schema: raw,
  required,
}: {
  name: string;
  path: NamePath;
  schema: JsonSchema;
  required: boolean;
}) {
  const { lang, t } = useApp();
  const schema = resolve(raw);
  const rules = required ? [{ required: true }] : [];
  const testId = `field-${(Array.isArray(path) ? path : [path]).join('.')}`;
  const item = (control: React.ReactNode, extra: object = {}) => (
    <Form.Item
      name={path}
      label={<FieldLabel name={name} schema={schema} />}
      rules={rules}
      data-testid={testId}
      {...extra}
    >
      {control}
    </Form.Item>
  );
  if (schema.enum)
    return item(
      <FormSelect
        allowClear={!required}
        options={schema.enum.map((v) => ({ value: v, label: label(lang, String(v)) }))}
      />,
    );
  switch (schema.type) {
    case 'boolean':
      return item(<Switch checkedChildren={t('yes')} unCheckedChildren={t('no')} />, {
        valuePropName: 'checked',
        initialValue: false,
      });
    case 'integer':
    case 'number':
      return isMoney(name, schema)
        ? item(<InputNumber prefix="¥" precision={2} style={{ width: 200 }} />)
        : item(
            <InputNumber
              precision={schema.type === 'integer' ? 0 : undefined}
              style={{ width: 200 }}
            />,
          );
    case 'string':
      if (isDate(schema)) return item(<DatePicker showTime={schema.format === 'date-time'} />);
      return (schema.maxLength ?? 0) > 200 ? item(<Input.TextArea rows={3} />) : item(<Input />);
    case 'array': {
      const items = resolve(schema.items ?? {});
      if (items.type !== 'object')
        return item(
          <FormSelect
            mode={items.enum ? 'multiple' : 'tags'}
            options={items.enum?.map((v) => ({ value: v, label: label(lang, String(v)) }))}
          />,
          { initialValue: [] },
        );
      return (
        <Form.Item label={<FieldLabel name={name} schema={schema} />} data-testid={testId}>
          <Form.List name={path} initialValue={[]}>
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Card
                    key={f.key}
                    size="small"
                    extra={
                      <Button size="small" onClick={() => remove(f.name)}>
                        {t('remove')}
                      </Button>
                    }
                  >
                    <Fields schema={items} path={[f.name]} />
                  </Card>
                ))}
                <Button onClick={() => add()}>{t('add')}</Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
      );
    }
    case 'object':
      return (
        <Card
          size="small"
          title={<FieldLabel name={name} schema={schema} />}
          style={{ marginBottom: 16 }}
          data-testid={testId}
        >
          <Fields schema={schema} path={Array.isArray(path) ? path : [path]} optional={!required} />
        </Card>
      );
    default:
      return item(<Input />);
  }
}

/** The fields of an object schema; inside an optional object nothing is required. */
export function Fields({
  schema: raw,
  path,
  optional = false,
  skip = [],
}: {
  schema: JsonSchema;
  path: Array<string | number>;
  optional?: boolean;
  skip?: string[];
}) {
  const schema = resolve(raw);
  return (
    <>
      {Object.entries(schema.properties ?? {})
        .filter(([k]) => !skip.includes(k))
        .map(([k, child]) => (
          <Field
            key={k}
            name={k}
            path={[...path, k]}
            schema={child}
            required={!optional && (schema.required ?? []).includes(k) && !resolve(child).nullable}
          />
        ))}
    </>
  );
}

/** Puts the API's 400 `details.issues` on the fields they name; returns the ones that fit none. */
export function showIssues(
  form: FormInstance,
  issues: Array<{ path: string; message: string }>,
  root: 'command' | 'body' = 'command',
): Array<{ path: string; message: string }> {
  const unplaced: Array<{ path: string; message: string }> = [];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const i of issues) {
    const name = fieldOfIssue(i.path, root);
    if (!name) {
      unplaced.push(i);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(i.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}
