import { GRANTABLE_CATEGORIES, categoryLabel } from '@/lib/labels';
import type { Messages } from '@/lib/messages';

/** The data categories as checkboxes (a patient's PHR grant, an app's registered scopes), 48 px tall each. */
export function CategoryCheckboxes({ t, name, legend, checked }: { t: Messages; name: string; legend: string; checked?: readonly string[] | undefined }) {
  return (
    <fieldset className="field" style={{ border: 0, padding: 0 }}>
      <legend>{legend}</legend>
      {GRANTABLE_CATEGORIES.map((category) => (
        <label key={category} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', minHeight: 48, fontWeight: 400 }}>
          <input type="checkbox" name={name} value={category} defaultChecked={checked?.includes(category)} style={{ width: 24, height: 24, minHeight: 0 }} /> {categoryLabel(t, category)}
        </label>
      ))}
    </fieldset>
  );
}
