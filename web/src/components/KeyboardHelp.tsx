export function KeyboardHelp() {
  return (
    <details className="keys">
      <summary>Keyboard</summary>
      <dl>
        <dt>
          <kbd>j</kbd> / <kbd>↓</kbd>
        </dt>
        <dd>next message</dd>
        <dt>
          <kbd>k</kbd> / <kbd>↑</kbd>
        </dt>
        <dd>previous message</dd>
        <dt>
          <kbd>o</kbd>
        </dt>
        <dd>offensive (stays, for categories and standards)</dd>
        <dt>
          <kbd>n</kbd>
        </dt>
        <dd>not offensive, then next</dd>
        <dt>
          <kbd>u</kbd>
        </dt>
        <dd>unsure</dd>
        <dt>
          <kbd>r</kbd>
        </dt>
        <dd>mark the visible run &quot;reviewed, nothing of note&quot;</dd>
        <dt>
          <kbd>f</kbd>
        </dt>
        <dd>next flagged message</dd>
        <dt>
          <kbd>s</kbd>
        </dt>
        <dd>show source of the selected message</dd>
      </dl>
    </details>
  );
}
