/**
 * A form's error, read out as soon as it appears (role="alert"); nothing while there is none.
 * Inline (`span`) where it sits inside a row of controls.
 */
export function FieldError({ message, inline = false, id, testId }: { message: string | null | undefined | false; inline?: boolean; id?: string; testId?: string }) {
  if (!message) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag id={id} className="field-error" role="alert" data-testid={testId}>
      {message}
    </Tag>
  );
}
