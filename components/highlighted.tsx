// Renders a search snippet whose matches sit between \u0001 and \u0002, as <mark>s,
// without ever treating the text as HTML.
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(\u0001[^\u0002]*\u0002)/g).filter(Boolean);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith("\u0001") ? <mark key={index}>{part.slice(1, -1)}</mark> : <span key={index}>{part}</span>,
      )}
    </>
  );
}
