/** A fieldset of checkboxes, one per item, for choosing a set of them (the coding form's lists). */
export function ChecksFieldset<T extends string>(props: {
  legend: string;
  items: readonly T[];
  chosen: readonly T[];
  label: (item: T) => string;
  disabled: boolean;
  onChange: (chosen: T[]) => void;
}) {
  const { chosen } = props;
  return (
    <fieldset disabled={props.disabled}>
      <legend>{props.legend}</legend>
      <div className="checks">
        {props.items.map((item) => (
          <label key={item}>
            <input
              type="checkbox"
              checked={chosen.includes(item)}
              onChange={(e) =>
                props.onChange(
                  e.target.checked ? [...new Set([...chosen, item])] : chosen.filter((x) => x !== item),
                )
              }
            />
            {props.label(item)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
