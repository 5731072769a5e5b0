/** Text from the core that marks code with `backticks`, shown with real code spans instead of raw backticks. */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>))}</>;
}
